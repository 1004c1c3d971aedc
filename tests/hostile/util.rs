//! A hostile dataset in a temporary directory, and a runner with a timeout.
//!
//! Layout of every [`Case`]:
//!
//! ```text
//! <tmp>/outside/secret.txt   holds SECRET, outside the dataset root
//! <tmp>/dataset/             the dataset root and the working directory of every run
//!     claims/ rules.toml sources/ …
//! ```

#![allow(dead_code)] // each module uses part of the kit

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A marker that must never appear in any output: it lives outside the dataset root.
pub const SECRET: &str = "SECRET-7f3a9c2e-d41d8cd98f00";

/// A plain claims file for `source` with one claim.
pub fn claims(subject: &str, property: &str, value: &str) -> String {
    format!(
        "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"{subject}\"\nproperty = \"{property}\"\nvalue = \"{value}\"\n"
    )
}

/// A dataset under construction, with a secret beside it.
pub struct Case {
    tmp: tempfile::TempDir,
}

impl Case {
    /// An empty dataset (with `claims/`) and the secret outside it.
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().expect("temporary directory");
        fs::create_dir_all(tmp.path().join("outside")).expect("outside");
        fs::write(
            tmp.path().join("outside/secret.txt"),
            format!("{SECRET}\nline two {SECRET}\n"),
        )
        .expect("secret");
        fs::create_dir_all(tmp.path().join("dataset/claims")).expect("claims");
        Case { tmp }
    }

    /// The dataset root.
    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("dataset")
    }

    /// The secret file's absolute path.
    pub fn secret_path(&self) -> PathBuf {
        self.tmp.path().join("outside/secret.txt")
    }

    /// A path inside the dataset.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// Writes a file inside the dataset, creating its directory.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> &Self {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("directory");
        }
        fs::write(path, text).expect("write");
        self
    }

    /// A symbolic link inside the dataset at `relative`, pointing at `target` (as written).
    #[cfg(unix)]
    pub fn link(&self, relative: &str, target: impl AsRef<Path>) -> &Self {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("directory");
        }
        std::os::unix::fs::symlink(target, path).expect("symlink");
        self
    }

    /// Runs factcheck in the dataset root, killed after `timeout`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_timeout(args, Duration::from_secs(20))
    }

    /// Runs factcheck in the dataset root, killed after `timeout`.
    pub fn run_with_timeout(&self, args: &[&str], timeout: Duration) -> Run {
        run_in(&self.root(), args, timeout)
    }
}

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// Standard output, as bytes.
    pub stdout: Vec<u8>,
    /// Standard error, as bytes.
    pub stderr: Vec<u8>,
    /// The exit status; `None` when the run was killed (timed out or by a signal).
    pub status: Option<i32>,
    /// Whether the timeout killed it.
    pub timed_out: bool,
}

impl Run {
    /// Standard output and standard error together, lossily decoded.
    pub fn all(&self) -> String {
        format!(
            "{}\n{}",
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr)
        )
    }

    /// Standard output, lossily decoded.
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Standard error, lossily decoded.
    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Asserts the run finished in time, did not panic (101) and exited with `status`.
    pub fn assert_status(&self, status: i32) -> &Self {
        assert!(!self.timed_out, "timed out: {}", self.all());
        assert_eq!(self.status, Some(status), "{}", self.all());
        self
    }

    /// Asserts nothing of the secret file appears in what was printed, where the dataset itself
    /// writes the secret string as `own` (its own text, e.g. a probing quote, which a report
    /// of the dataset may show): every occurrence of the string must be that text.
    pub fn assert_no_secret_beyond(&self, own: &str) -> &Self {
        let all = self.all();
        let at = own
            .find(SECRET)
            .expect("the dataset's text holds the secret string");
        let (before, after) = (&own[..at], &own[at + SECRET.len()..]);
        assert!(!all.contains("line two"), "the secret leaked: {all}");
        for (i, _) in all.match_indices(SECRET) {
            assert!(
                all[..i].ends_with(before) && all[i + SECRET.len()..].starts_with(after),
                "the secret leaked: {all}"
            );
        }
        self
    }

    /// Asserts the secret appears nowhere in what was printed.
    pub fn assert_no_secret(&self) -> &Self {
        assert!(
            !self.all().contains(SECRET) && !self.all().contains("line two"),
            "the secret leaked: {}",
            self.all()
        );
        self
    }
}

/// Runs the binary in `dir` with `args`, without standard input, killed after `timeout`.
pub fn run_in(dir: &Path, args: &[&str], timeout: Duration) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factcheck"));
    command.args(args);
    run_command(command, dir, timeout)
}

/// Whether the tests run as root, for whom file permissions do not stop reading.
#[cfg(unix)]
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Runs factcheck in the case's dataset root as [`Case::run`] does, as a user that file
/// permissions apply to: the tests' own user, or, when that is root (CI is), `nobody` through
/// `setpriv` (util-linux), with a copy of the binary that user may run. Panics when root
/// cannot drop its privileges: the test then cannot assert what it means to.
#[cfg(unix)]
pub fn run_unprivileged(case: &Case, args: &[&str]) -> Run {
    use std::os::unix::fs::PermissionsExt;
    if !is_root() {
        return case.run(args);
    }
    let open = |path: &Path| {
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).expect("permissions");
    };
    let bin = case.tmp.path().join("bin");
    fs::create_dir_all(&bin).expect("bin");
    let copy = bin.join("factcheck");
    fs::copy(env!("CARGO_BIN_EXE_factcheck"), &copy).expect("a copy of the binary");
    for path in [case.tmp.path(), &bin, &copy] {
        open(path);
    }
    let mut command = Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(&copy)
        .args(args);
    let run = run_command(command, &case.root(), Duration::from_secs(20));
    assert!(
        run.status.is_some() && !run.err().contains("setpriv:"),
        "running as root, and cannot drop to an unprivileged user with setpriv: {}",
        run.all()
    );
    run
}

/// Runs `command` in `dir`, without standard input, killed after `timeout`.
fn run_command(mut command: Command, dir: &Path, timeout: Duration) -> Run {
    let mut child = command
        .current_dir(dir)
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factcheck runs");
    // Read both pipes on their own threads so a large output cannot block the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = out.read_to_end(&mut buffer);
        buffer
    });
    let err_reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = err.read_to_end(&mut buffer);
        buffer
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        status,
        timed_out,
    }
}

/// Every machine and text format of `check`, each to stdout, as `--format` values.
pub const CHECK_FORMATS: &[&str] = &["human", "concise", "json", "sarif", "github", "junit"];

/// Every format of `report`.
pub const REPORT_FORMATS: &[&str] = &["markdown", "html", "json", "jsonl", "csv"];

/// Runs `check` in every format and `report` in every format; returns every run.
pub fn every_format(case: &Case) -> Vec<(String, Run)> {
    let mut runs = Vec::new();
    for format in CHECK_FORMATS {
        runs.push((
            format!("check --format {format}"),
            case.run(&["check", "--format", format]),
        ));
    }
    for format in REPORT_FORMATS {
        runs.push((
            format!("report --format {format}"),
            case.run(&["report", "--format", format]),
        ));
    }
    runs
}

/// Runs the binary in `dir` as [`run_in`] does, with `env` set on top. A run that times out
/// is reported as such and left to finish on its own: the test fails either way.
pub fn run_in_with_env(
    dir: &Path,
    args: &[&str],
    env: &[(&str, &std::ffi::OsStr)],
    timeout: Duration,
) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factcheck"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(command.output());
    });
    match receive.recv_timeout(timeout) {
        Ok(output) => {
            let output = output.expect("factcheck runs");
            Run {
                stdout: output.stdout,
                stderr: output.stderr,
                status: output.status.code(),
                timed_out: false,
            }
        }
        Err(_) => Run {
            stdout: Vec::new(),
            stderr: Vec::new(),
            status: None,
            timed_out: true,
        },
    }
}
