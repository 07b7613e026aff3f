//! Release builds of the app on x86-64 Linux place the functions a session runs side by
//! side, in the order `assets/hot-functions.txt` lists them (`examples/hot_functions.rs`
//! writes it). The kernel maps a program's code 64 KiB at a time around each page it runs,
//! and a session runs about 2 MB of the 7.5 MB of code, spread over nearly all of it: laid
//! out as the linker pleases, almost all of it is resident; side by side, less than half.
//!
//! The list is given to the linker Rust uses there by default (its own LLD), and only to
//! it: with a linker of one's own, nothing is asked of it. A function the list names and
//! the build does not have is passed over; one the build has and the list does not name
//! goes after those it names, as before.

use std::env;
use std::path::Path;

const LIST: &str = "assets/hot-functions.txt";

fn main() {
    println!("cargo::rerun-if-changed={LIST}");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    if let Some(list) = ordering_list() {
        println!("cargo::rustc-link-arg-bin=coachlog=-Wl,--symbol-ordering-file={list}");
        println!("cargo::rustc-link-arg-bin=coachlog=-Wl,--no-warn-symbol-ordering");
    }
}

/// The list's path when this build links the app with Rust's own LLD for x86-64 Linux, in
/// a release profile.
fn ordering_list() -> Option<String> {
    let var = |name: &str| env::var(name).unwrap_or_default();
    let linux_gnu_x86_64 = var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu";
    if !linux_gnu_x86_64 || var("PROFILE") != "release" {
        return None;
    }
    // A linker, or linker flags, of one's own: the list may mean nothing to that linker.
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    let own_linker = env::var_os("RUSTC_LINKER").is_some()
        || ["linker", "fuse-ld"]
            .iter()
            .any(|word| flags.contains(word));
    if own_linker || !rust_lld_is_the_linker() {
        return None;
    }
    let list = Path::new(&var("CARGO_MANIFEST_DIR")).join(LIST);
    list.is_file().then(|| list.display().to_string())
}

/// Whether the compiler links with the LLD it ships (Rust 1.90 and later on x86-64 Linux,
/// unless built without it, as some systems' packages are).
fn rust_lld_is_the_linker() -> bool {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
    else {
        return false;
    };
    let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_string();
    Path::new(&sysroot)
        .join("lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld/ld.lld")
        .is_file()
}
