//! What differs between Unix (Linux, macOS) and Windows, in one place: whether a process
//! is running, whether another process holds SQLite's locks on a file, and how a file or
//! folder is made the owner's alone.
//!
//! On Unix, owner-only is the mode (0600, 0700). On Windows, coachlog's files live under
//! the user's profile (the data and config folders), whose access list already admits the
//! owner (and the system) alone, and what is created there inherits it: nothing more is set.

use std::fs::File;
use std::path::Path;

/// Lets every thread allocate from one heap. glibc gives each thread that allocates a
/// heap of its own and keeps what is freed in it for that heap: the readers on threads of
/// their own (search, the teacher read ahead, the agenda's actions) each held megabytes
/// the others could not reuse. Elsewhere nothing is changed.
pub fn one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: a setting of the allocator, made before any thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Whether the process with this id is running.
#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    unsafe { libc::kill(pid, 0) == 0 }
}

/// Whether the process with this id is running.
#[cfg(windows)]
pub fn process_alive(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{
        CloseHandle, ERROR_ACCESS_DENIED, GetLastError, STILL_ACTIVE,
    };
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: the handle is checked, read once and closed; nothing else is touched.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // Someone else's process is there, though we may not look at it.
            return GetLastError() == ERROR_ACCESS_DENIED;
        }
        let mut code = 0u32;
        let read = GetExitCodeProcess(handle, &mut code);
        CloseHandle(handle);
        read != 0 && code == STILL_ACTIVE as u32
    }
}

// SQLite's lock bytes (the same on every system): the pending byte, the reserved byte
// after it and the shared range after that.
const PENDING_BYTE: u64 = 0x4000_0000;
const LOCK_BYTES: u64 = 2 + 510;

/// Whether a process holds a lock on SQLite's lock bytes of `file`: a connection in
/// write-ahead mode holds one for as long as it is open, any connection during a
/// transaction. On Unix this process's own locks are never reported; on Windows locks
/// belong to a handle, so a connection of this process counts too (it is asked only
/// about files this process does not have open).
#[cfg(unix)]
pub fn locked_by_another(file: &File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: an all-zero flock is a valid value for every field.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = libc::F_WRLCK as libc::c_short;
    lock.l_whence = libc::SEEK_SET as libc::c_short;
    lock.l_start = PENDING_BYTE as libc::off_t;
    lock.l_len = LOCK_BYTES as libc::off_t;
    // SAFETY: F_GETLK only reads and writes the flock we pass, on a descriptor we own.
    let result = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut lock) };
    if result == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(lock.l_type != libc::F_UNLCK as libc::c_short)
}

/// See the Unix version: here a lock is tried on the same bytes, without waiting, and let
/// go at once.
#[cfg(windows)]
pub fn locked_by_another(file: &File) -> std::io::Result<bool> {
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Foundation::{ERROR_LOCK_VIOLATION, HANDLE};
    use windows_sys::Win32::Storage::FileSystem::{
        LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx, UnlockFileEx,
    };
    use windows_sys::Win32::System::IO::OVERLAPPED;
    let handle = file.as_raw_handle() as HANDLE;
    let at = || {
        let mut overlapped = OVERLAPPED::default();
        overlapped.Anonymous.Anonymous.Offset = PENDING_BYTE as u32;
        overlapped.Anonymous.Anonymous.OffsetHigh = (PENDING_BYTE >> 32) as u32;
        overlapped
    };
    let mut overlapped = at();
    let flags = LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY;
    // SAFETY: a lock tried on a handle we own, with an OVERLAPPED that outlives the call.
    let locked = unsafe { LockFileEx(handle, flags, 0, LOCK_BYTES as u32, 0, &mut overlapped) };
    if locked == 0 {
        let error = std::io::Error::last_os_error();
        return match error.raw_os_error() {
            Some(code) if code == ERROR_LOCK_VIOLATION as i32 => Ok(true),
            _ => Err(error),
        };
    }
    let mut overlapped = at();
    // SAFETY: the lock just taken, let go on the same handle and bytes.
    unsafe { UnlockFileEx(handle, 0, LOCK_BYTES as u32, 0, &mut overlapped) };
    Ok(false)
}

/// Makes what `builder` creates its owner's alone: a folder 0700 and a file 0600 on Unix;
/// on Windows, see the module's note.
pub fn owner_only(builder: &mut tempfile::Builder<'_, '_>, folder: bool) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if folder { 0o700 } else { 0o600 };
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (builder, folder);
}

/// Creates `dir` and any folder missing above it, each its owner's alone.
pub fn create_private_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
