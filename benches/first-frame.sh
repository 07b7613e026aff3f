#!/usr/bin/env bash
# Times coachlog end to end in a real terminal: launch to the first complete roster frame,
# and key press to redraw, against a trivial program launched the same way in the same run
# (the floor: what tmux and the polling cost by themselves). Also reads coachlog's peak
# memory. Needs tmux and a release build.
#
#   benches/first-frame.sh [-n LAUNCHES] [-r KEYS_PER_LAUNCH] [-s COLSxROWS] DB [KEY...]
#
#   cargo build --release
#   cargo run --release --example generate -- --teachers 500 --years 1 --db /tmp/m.db
#   benches/first-frame.sh -n 15 /tmp/m.db j k      # roster: first frame, then j/k
#   benches/first-frame.sh /tmp/m.db / e            # the filter: "/" then one letter...
#
# Each key in the list is sent in turn, cycling (`j k` alternates down and up); the timer
# stops when the screen's text or attributes change. Figures are medians over the runs,
# with min and max; the last lines give coachlog minus the floor.
set -euo pipefail

launches=10 keys_per_launch=10 size=80x24
while getopts "n:r:s:" opt; do
  case $opt in
    n) launches=$OPTARG ;;
    r) keys_per_launch=$OPTARG ;;
    s) size=$OPTARG ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -ge 1 ]] || { sed -n '2,16p' "$0"; exit 2; }
db=$1; shift
keys=("$@")
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${COACHLOG_BIN:-$root/target/release/coachlog}
[[ -x $bin ]] || { echo "first-frame: no $bin; run cargo build --release" >&2; exit 2; }
[[ -f $db ]] || { echo "first-frame: no database $db" >&2; exit 2; }
command -v tmux >/dev/null || { echo "first-frame: needs tmux" >&2; exit 2; }
cols=${size%x*} rows=${size#*x}
socket="coachlog-ff-$$"
tm() { tmux -L "$socket" "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT

now_ns() { date +%s%N; }

# Waits until the pane shows $1; prints the milliseconds since $2 (ns).
wait_for() {
  local want=$1 start=$2 deadline=$(( $(now_ns) + 30000000000 ))
  while (( $(now_ns) < deadline )); do
    if tm capture-pane -p -t ff 2>/dev/null | grep -qF -- "$want"; then
      echo $(( ($(now_ns) - start) / 1000 ))
      return 0
    fi
  done
  return 1
}

# Sends key $1 and prints the microseconds until the screen (text or attributes) changes.
time_key() {
  local before after start
  before=$(tm capture-pane -p -e -t ff)
  start=$(now_ns)
  tm send-keys -t ff "$1"
  while :; do
    after=$(tm capture-pane -p -e -t ff)
    if [[ $after != "$before" ]]; then
      echo $(( ($(now_ns) - start) / 1000 ))
      return 0
    fi
    (( $(now_ns) - start < 10000000000 )) || return 1
  done
}

# One launch of a program: prints its first frame (µs), then its key redraws (µs) on one
# line, then its peak memory (KiB) on the next.
launch() {
  local name=$1 command=$2 marker=$3 presses=() k start t pid
  tm kill-server 2>/dev/null || true
  start=$(now_ns)
  tm new-session -d -s ff -x "$cols" -y "$rows" "$command"
  t=$(wait_for "$marker" "$start") || { echo "first-frame: $name never showed '$marker'" >&2; exit 1; }
  sleep 0.2
  for ((k = 0; k < keys_per_launch && ${#keys[@]} > 0; k++)); do
    presses+=("$(time_key "${keys[k % ${#keys[@]}]}")") || { echo "first-frame: $name did not redraw" >&2; exit 1; }
    sleep 0.05
  done
  pid=$(tm display -p -t ff '#{pane_pid}')
  echo "$t ${presses[*]}"
  awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0
  tm kill-server 2>/dev/null || true
}

# Both programs, $launches times each, in turn (floor, coachlog, floor, ...), so that a
# change in the machine's load weighs on both alike; then each one's figures, and the
# median of coachlog's first frame less the floor's launched just before it.
measure_both() {
  local i out first rest peak
  local ff=() fk=() fp=() cf=() ck=() cp=() diffs=()
  for ((i = 0; i < launches; i++)); do
    out=$(launch floor "$floor_command" READY) || exit 1
    read -r first rest <<< "$(head -1 <<< "$out")"; peak=$(tail -1 <<< "$out")
    ff+=("$first"); fp+=("$peak"); [[ -n $rest ]] && read -ra more <<< "$rest" && fk+=("${more[@]}")
    out=$(launch coachlog "$coachlog_command" "? help") || exit 1
    read -r first rest <<< "$(head -1 <<< "$out")"; peak=$(tail -1 <<< "$out")
    cf+=("$first"); cp+=("$peak"); [[ -n $rest ]] && read -ra more <<< "$rest" && ck+=("${more[@]}")
    diffs+=("$(( first - ff[i] ))")
  done
  summary "floor first_frame_ms" "${ff[@]}"
  ((${#fk[@]})) && summary "floor key_redraw_ms" "${fk[@]}"
  summary "floor peak_rss_kib" "${fp[@]}" raw
  summary "coachlog first_frame_ms" "${cf[@]}"
  ((${#ck[@]})) && summary "coachlog key_redraw_ms" "${ck[@]}"
  summary "coachlog peak_rss_kib" "${cp[@]}" raw
  summary "paired first_frame_over_floor_ms" "${diffs[@]}"
}

# Prints median/min/max of microsecond values as milliseconds (or raw numbers).
summary() {
  local label=$1; shift
  local raw=""
  [[ ${!#} == raw ]] && { raw=1; set -- "${@:1:$#-1}"; }
  printf '%s\n' "$@" | sort -n | awk -v label="$label" -v raw="$raw" '
    { v[NR] = $1 }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      if (raw) printf "%-28s median=%d min=%d max=%d n=%d\n", label, m, v[1], v[NR], NR
      else printf "%-28s median=%.1f min=%.1f max=%.1f n=%d\n", label, m / 1000, v[1] / 1000, v[NR] / 1000, NR
    }' | tee -a "$results"
}

results=$(mktemp)
echo "size=$size launches=$launches keys=${keys[*]:-none} db=$db ($(du -h "$db" | cut -f1)) load: $(cut -d' ' -f1-3 /proc/loadavg)"
# Both are started through `env` with the same variable: only the program differs. The
# footer is drawn in the same frame as the roster, after the rows were read.
floor_command="exec env COACHLOG_NOW=2026-11-23T10:42 sh -c 'echo READY; exec cat'"
coachlog_command="exec env COACHLOG_NOW=2026-11-23T10:42 $bin --db $db"
# The day's backup first, as the day's first launch takes it: coachlog starts it after its
# first frame and a killed launch gives it up, so without it every launch would copy the
# whole file beside the keys it times.
stem=$(basename "$db"); stem=${stem%.*}
backup="$(dirname "$db")/backups/$stem-daily-20261123.db"
if [[ ! -e $backup ]]; then
  echo "taking the day's backup first: $backup"
  tm new-session -d -s ff -x "$cols" -y "$rows" "$coachlog_command"
  for ((t = 0; t < 6000; t++)); do [[ -e $backup ]] && break; sleep 0.1; done
  tm send-keys -t ff q
  for ((t = 0; t < 6000; t++)); do tm has-session -t ff 2>/dev/null || break; sleep 0.1; done
  [[ -e $backup ]] || { echo "first-frame: no backup $backup after 10 minutes" >&2; exit 1; }
fi
measure_both
awk '
  { split($0, f, " "); name = f[1]; what = f[2]; split(f[3], m, "="); med[name " " what] = m[2] }
  END {
    for (w in med) {
      split(w, p, " ")
      if (p[1] == "coachlog" && p[2] != "peak_rss_kib" && ("floor " p[2]) in med)
        printf "over the floor: %-14s %+.1f ms\n", p[2], med[w] - med["floor " p[2]]
    }
  }' "$results"
rm -f "$results"
