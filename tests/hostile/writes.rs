//! Writes: every file written is written whole or not at all, and never over an input or
//! through a symbolic link.
//!
//! The full-disk cases mount a 64 KiB tmpfs, which needs root: they are `#[ignore]`d with that
//! reason, so a plain `cargo test` lists them as ignored rather than passing them unrun, and
//! `.ci/run` (as root) runs them with `--ignored`; run so, a mount that fails fails them.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::util::{Case, SECRET, claims, run_in, run_in_with_env};

/// A dataset with one conflict (so one reviewable finding), a rules file and a reviews file.
fn conflicted() -> Case {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"))
        .write("claims/b.toml", claims("Japan", "capital", "Osaka"))
        .write("rules.toml", "# the rules\n")
        .write("reviews.toml", "# the reviews\n");
    case
}

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    fs::read(path.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// Runs factcheck and asserts it refused to write `path`: exit 2, a message naming it, and
/// the file byte for byte as it was.
fn assert_refused(case: &Case, args: &[&str], path: &str, why: &str) {
    let before = read(case.path(path));
    let run = case.run(args);
    run.assert_status(2);
    let stderr = run.err();
    assert!(
        stderr.contains(&format!("refusing to write `{path}`")) && stderr.contains(why),
        "{args:?}: {stderr}"
    );
    assert_eq!(read(case.path(path)), before, "{args:?} changed {path}");
}

#[test]
fn an_output_is_never_written_over_an_input() {
    let case = conflicted();
    let input = "it is one of this run's inputs (pass --force to overwrite it)";
    for (args, path) in [
        (&["check", "--format", "json=rules.toml"][..], "rules.toml"),
        (
            &["check", "--format", "sarif=claims/a.toml"],
            "claims/a.toml",
        ),
        (
            &[
                "check",
                "--format",
                "human",
                "--format",
                "junit=./reviews.toml",
            ],
            "./reviews.toml",
        ),
        (
            &["check", "--write-baseline", "reviews.toml"],
            "reviews.toml",
        ),
        (&["report", "-o", "rules.toml"], "rules.toml"),
    ] {
        assert_refused(&case, args, path, input);
    }
    // The baseline read is an input too.
    let baseline = case.run(&["check", "--write-baseline", "base.json"]);
    baseline.assert_status(0);
    assert_refused(
        &case,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json=base.json",
        ],
        "base.json",
        input,
    );
}

#[test]
fn nothing_is_written_when_one_output_is_refused() {
    let case = conflicted();
    let run = case.run(&[
        "check",
        "--format",
        "json=out.json",
        "--format",
        "sarif=rules.toml",
    ]);
    run.assert_status(2);
    assert!(!case.path("out.json").exists(), "{}", run.all());
}

#[test]
fn force_overwrites_an_input() {
    let case = conflicted();
    case.run(&["report", "-o", "rules.toml", "--force"])
        .assert_status(0);
    assert!(String::from_utf8_lossy(&read(case.path("rules.toml"))).contains("factcheck report"));
}

#[test]
fn an_output_that_is_a_link_is_refused_and_force_replaces_the_link() {
    let case = conflicted();
    let secret = read(case.secret_path());
    case.link("factcheck.sarif", case.secret_path());
    case.link("report.md", "../outside/secret.txt");
    let link = "it is a symbolic link (pass --force to replace the link with a regular file)";
    for (args, path) in [
        (
            &["check", "--format", "sarif=factcheck.sarif"][..],
            "factcheck.sarif",
        ),
        (
            &["check", "--write-baseline", "factcheck.sarif"],
            "factcheck.sarif",
        ),
        (&["report", "-o", "report.md"], "report.md"),
    ] {
        assert_refused(&case, args, path, link);
        assert!(case.path(path).is_symlink());
    }
    assert_eq!(read(case.secret_path()), secret);

    case.run(&["check", "--format", "sarif=factcheck.sarif", "--force"])
        .assert_status(1);
    case.run(&["report", "-o", "report.md", "--force"])
        .assert_status(0);
    for path in ["factcheck.sarif", "report.md"] {
        let kind = fs::symlink_metadata(case.path(path)).unwrap().file_type();
        assert!(kind.is_file(), "{path} is still a link");
        assert!(!String::from_utf8_lossy(&read(case.path(path))).contains(SECRET));
    }
    assert_eq!(read(case.secret_path()), secret, "written through the link");
}

#[test]
fn a_dangling_link_is_refused_too() {
    let case = conflicted();
    case.link("out.json", "../outside/new.json");
    let run = case.run(&["check", "--format", "json=out.json"]);
    run.assert_status(2);
    assert!(run.err().contains("symbolic link"), "{}", run.err());
    assert!(!case.root().join("../outside/new.json").exists());
}

#[test]
fn a_directory_link_is_not_written_through_even_with_force() {
    let case = conflicted();
    case.link("reports", "../outside");
    for force in [&[][..], &["--force"]] {
        let mut args = vec!["check", "--format", "json=reports/out.json"];
        args.extend_from_slice(force);
        let run = case.run(&args);
        run.assert_status(2);
        assert!(
            run.err()
                .contains("refusing to write `reports/out.json`: `reports` is a symbolic link"),
            "{}",
            run.err()
        );
        assert!(!case.root().join("../outside/out.json").exists());
    }
}

#[test]
fn a_review_is_never_written_through_a_link() {
    let case = conflicted();
    fs::remove_file(case.path("reviews.toml")).unwrap();
    case.write("shared/reviews.toml", "# reviews elsewhere\n")
        .link("reviews.toml", "shared/reviews.toml");
    let fingerprint = fingerprint(&case);
    let run = case.run(&review_args(&fingerprint));
    run.assert_status(2);
    assert!(
        run.err().contains(
            "refusing to write `reviews.toml`: it is a symbolic link (edit the file it points to, or name that file with --reviews)"
        ),
        "{}",
        run.err()
    );
    assert_eq!(
        read(case.path("shared/reviews.toml")),
        b"# reviews elsewhere\n"
    );
    assert!(case.path("reviews.toml").is_symlink());
}

#[test]
fn a_review_keeps_the_file_and_adds_one_table() {
    let case = conflicted();
    let fingerprint = fingerprint(&case);
    case.run(&review_args(&fingerprint)).assert_status(0);
    let text = String::from_utf8(read(case.path("reviews.toml"))).unwrap();
    assert!(text.starts_with("# the reviews\n\n[[review]]\n"), "{text}");
    assert_eq!(text.matches("[[review]]").count(), 1);
    case.run(&["check"]).assert_status(0);

    // Without a reviews file, one is created with its header.
    let fresh = conflicted();
    fs::remove_file(fresh.path("reviews.toml")).unwrap();
    fresh.run(&review_args(&fingerprint)).assert_status(0);
    let text = String::from_utf8(read(fresh.path("reviews.toml"))).unwrap();
    assert!(
        text.starts_with("# Reviews of factcheck findings."),
        "{text}"
    );
    fresh.run(&["check"]).assert_status(0);
}

#[test]
fn a_failed_step_summary_is_reported() {
    let case = conflicted();
    let summary = case.path("no/such/dir/summary.md");
    let run = run_in_with_env(
        &case.root(),
        &["check", "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", summary.as_os_str())],
        Duration::from_secs(20),
    );
    run.assert_status(2);
    assert!(
        run.err().contains("cannot append to $GITHUB_STEP_SUMMARY"),
        "{}",
        run.err()
    );
}

fn review_args(fingerprint: &str) -> Vec<&str> {
    vec![
        "review",
        fingerprint,
        "--decision",
        "explained",
        "--reason",
        "two capitals in turn",
        "--reviewer",
        "Test",
    ]
}

/// The fingerprint of the case's one finding.
fn fingerprint(case: &Case) -> String {
    let run = case.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    json["findings"][0]["fingerprint"]
        .as_str()
        .unwrap_or_else(|| panic!("no finding: {}", run.all()))
        .to_owned()
}

// Full disk. -------------------------------------------------------------------------------

/// A 64 KiB tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs {
    dir: PathBuf,
}

impl Tmpfs {
    /// Mounts one at `dir`; panics when it cannot (not root, or no mount allowed): the test
    /// that asked is `#[ignore]`d for machines where it cannot.
    fn mount(dir: &Path) -> Self {
        assert!(
            crate::util::is_root(),
            "the full-disk tests need root to mount a tmpfs: run them as root (.ci/run does)"
        );
        fs::create_dir_all(dir).expect("mount point");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(dir)
            .output()
            .expect("mount runs");
        assert!(
            mounted.status.success(),
            "mount failed: {}",
            String::from_utf8_lossy(&mounted.stderr).trim()
        );
        Tmpfs {
            dir: dir.to_owned(),
        }
    }

    /// Fills the file system to its last page, then frees `pages` pages.
    fn fill_leaving(&self, pages: u64) {
        use std::io::Write;
        let path = self.dir.join("filler");
        let mut file = fs::File::create(&path).expect("filler");
        let page = [0u8; 4096];
        while file.write_all(&page).is_ok() {}
        let full = file.metadata().expect("filler").len() / 4096 * 4096;
        file.set_len(full.saturating_sub(pages * 4096))
            .expect("free pages");
    }

    /// Every name in the mounted directory, recursively, sorted.
    fn listing(&self) -> Vec<String> {
        let mut names = Vec::new();
        let mut stack = vec![self.dir.clone()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("listing") {
                let path = entry.expect("entry").path();
                names.push(path.strip_prefix(&self.dir).unwrap().display().to_string());
                if path.is_dir() && !path.is_symlink() {
                    stack.push(path);
                }
            }
        }
        names.sort();
        names
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.dir).status();
    }
}

#[test]
#[ignore = "needs root to mount a 64 KiB tmpfs; .ci/run runs it as root"]
fn full_disk_keeps_the_old_baseline_byte_for_byte() {
    let case = conflicted();
    let disk = Tmpfs::mount(&case.root().join("../disk"));
    let baseline = disk.dir.join("baseline.json");
    let target = baseline.to_str().unwrap();
    case.run(&["check", "--write-baseline", target])
        .assert_status(0);
    let good = read(&baseline);
    // A dataset with more findings, whose baseline needs more pages than the old one holds.
    for n in 0..40 {
        case.write(
            &format!("claims/x{n}.toml"),
            claims(&format!("Country {n}"), "capital", "Lyon"),
        )
        .write(
            &format!("claims/y{n}.toml"),
            claims(&format!("Country {n}"), "capital", "Paris"),
        );
    }
    disk.fill_leaving(0);

    let run = case.run(&["check", "--write-baseline", target]);
    run.assert_status(2);
    assert!(run.err().contains("cannot write"), "{}", run.err());
    assert!(read(&baseline) == good, "the old baseline was damaged");
    assert_eq!(disk.listing(), ["baseline.json", "filler"], "left behind");
    case.run(&["check", "--baseline", target]).assert_status(1);
}

#[test]
#[ignore = "needs root to mount a 64 KiB tmpfs; .ci/run runs it as root"]
fn full_disk_leaves_the_reviews_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = Tmpfs::mount(&tmp.path().join("disk"));
    let root = &disk.dir;
    fs::create_dir(root.join("claims")).unwrap();
    fs::write(
        root.join("claims/a.toml"),
        claims("Japan", "capital", "Tokyo"),
    )
    .unwrap();
    fs::write(
        root.join("claims/b.toml"),
        claims("Japan", "capital", "Osaka"),
    )
    .unwrap();
    // Room at the end of the file's last page for the start of a review, not all of it.
    let reviews = format!("# the reviews\n{}\n", "#".repeat(3_950));
    fs::write(root.join("reviews.toml"), &reviews).unwrap();
    let timeout = Duration::from_secs(20);
    let json = run_in(root, &["check", "--format", "json"], timeout);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let fingerprint = json["findings"][0]["fingerprint"].as_str().unwrap();
    disk.fill_leaving(0);

    let run = run_in(root, &review_args(fingerprint), timeout);
    run.assert_status(2);
    assert!(run.err().contains("cannot write"), "{}", run.err());
    assert!(
        read(root.join("reviews.toml")) == reviews.as_bytes(),
        "the reviews file was changed"
    );
    run_in(root, &["check"], timeout).assert_status(1);
    assert_eq!(
        disk.listing(),
        [
            "claims",
            "claims/a.toml",
            "claims/b.toml",
            "filler",
            "reviews.toml"
        ]
    );
}

#[test]
#[ignore = "needs root to mount a 64 KiB tmpfs; .ci/run runs it as root"]
fn full_disk_makes_init_take_back_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = Tmpfs::mount(&tmp.path().join("disk"));
    // Room for the first file of the scaffold, not for the rest.
    disk.fill_leaving(1);
    let run = run_in(&disk.dir, &["init", "data/set"], Duration::from_secs(20));
    run.assert_status(2);
    assert!(
        run.err().contains("cannot write") && run.err().contains("nothing was created"),
        "{}",
        run.err()
    );
    assert_eq!(disk.listing(), ["filler"], "left behind: {}", run.err());
}
