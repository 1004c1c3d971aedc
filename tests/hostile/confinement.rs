//! Confinement: nothing outside the dataset root is read or shown; walks never loop; special
//! files are refused; every unreadable part is one finding and the rest is still checked.

use std::time::{Duration, Instant};

#[cfg(unix)]
use crate::util::run_unprivileged;
use crate::util::{Case, SECRET, claims, every_format};

/// A claims file whose source text is `text` and whose one quote probes for the secret.
fn probing(text: &str) -> String {
    format!(
        "[source]\ntitle = \"T\"\npublisher = \"P\"\ntext = \"{text}\"\n\n[[claim]]\nsubject = \"s\"\nproperty = \"p\"\nvalue = \"more\"\nquote = \"{SECRET} and more\"\n"
    )
}

fn codes(run: &crate::util::Run) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON output");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_plain_dataset_still_checks() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.run(&["check"]).assert_status(0).assert_no_secret();
}

#[cfg(unix)]
#[test]
fn symlinked_claims_rules_and_reviews_outside_the_root_are_refused_in_every_format() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    let secret = case.secret_path();
    case.link("claims/env.toml", &secret);
    case.link("claims/rel.toml", "../../outside/secret.txt");
    case.link("rules.toml", &secret);
    case.link("reviews.toml", "../outside/secret.txt");
    case.link("claims/ext", secret.parent().unwrap());
    for (what, run) in every_format(&case) {
        assert!(!run.timed_out, "{what}");
        assert_eq!(run.status, Some(2), "{what}: {}", run.all());
        run.assert_no_secret();
    }
    let run = case.run(&["check", "--format", "json"]);
    let codes = codes(&run);
    assert_eq!(
        codes.iter().filter(|c| *c == "factcheck::load::io").count(),
        5,
        "{codes:?}"
    );
    assert!(
        run.out().contains("leads outside the dataset root"),
        "{}",
        run.out()
    );
}

#[cfg(unix)]
#[test]
fn a_refusal_does_not_tell_whether_the_target_exists() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.link("claims/exists.toml", case.secret_path());
    case.link(
        "claims/missing.toml",
        case.secret_path().with_file_name("nope"),
    );
    let run = case.run(&["check", "--format", "concise"]);
    run.assert_status(2);
    let lines: Vec<String> = run
        .out()
        .lines()
        .filter(|l| l.contains("exists.toml") || l.contains("missing.toml"))
        .map(|l| l.replace("exists", "X").replace("missing", "X"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.out());
    assert_eq!(lines[0], lines[1], "the two refusals differ");
}

#[cfg(unix)]
#[test]
fn the_git_directory_is_out_of_reach() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.write(
        ".git/config",
        format!("[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    );
    case.link("claims/x.toml", "../.git/config");
    case.write("claims/b.toml", probing("../.git/config"));
    let run = case.run(&["check", "--format", "human"]);
    run.assert_status(2).assert_no_secret();
    assert!(run.all().contains("hidden"), "{}", run.all());
}

#[test]
fn source_texts_must_be_relative_paths_inside_the_root() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    let absolute = case.secret_path().display().to_string();
    case.write("claims/abs.toml", probing(&absolute));
    case.write("claims/up.toml", probing("../../outside/secret.txt"));
    case.write("claims/missing.toml", probing("../../outside/nope.txt"));
    for (what, run) in every_format(&case) {
        assert!(!run.timed_out, "{what}");
        assert_eq!(run.status, Some(2), "{what}: {}", run.all());
        // The report of what could be read shows the claims' own quotes (the probe).
        run.assert_no_secret_beyond(&format!("{SECRET} and more"));
    }
    let run = case.run(&["check", "--format", "concise"]);
    assert!(run.out().contains("is an absolute path"), "{}", run.out());
    // Whether a file exists out there is not told either.
    assert!(
        !run.out().contains("nope.txt` does not exist"),
        "{}",
        run.out()
    );
    assert_eq!(
        run.out().matches("leads outside the dataset root").count(),
        2,
        "{}",
        run.out()
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_sources_directory_outside_the_root_is_refused() {
    let case = Case::new();
    case.write("claims/a.toml", probing("../sources/secret.txt"));
    case.link("sources", case.secret_path().parent().unwrap());
    let run = case.run(&["check", "--format", "json"]);
    run.assert_status(2).assert_no_secret();
}

#[test]
fn source_texts_inside_the_root_still_check_quotes() {
    let case = Case::new();
    case.write("sources/a.txt", "Tokyo is the capital of Japan.");
    case.write(
        "claims/a.toml",
        "[source]\ntitle = \"T\"\npublisher = \"P\"\ntext = \"../sources/a.txt\"\n\n[[claim]]\nsubject = \"Japan\"\nproperty = \"capital\"\nvalue = \"Tokyo\"\nquote = \"Tokyo is the capital\"\n",
    );
    case.run(&["check"]).assert_status(0);
}

#[test]
fn outside_the_root_only_when_allowed() {
    let case = Case::new();
    let absolute = case.secret_path().display().to_string();
    case.write(
        "claims/a.toml",
        format!(
            "[source]\ntitle = \"T\"\npublisher = \"P\"\ntext = \"{absolute}\"\n\n[[claim]]\nsubject = \"s\"\nproperty = \"p\"\nvalue = \"v\"\nquote = \"line two\"\n"
        ),
    );
    case.run(&["check"]).assert_status(2);
    case.run(&["check", "--allow-outside-root"])
        .assert_status(0);
}

#[cfg(unix)]
#[test]
fn directory_link_loops_end_quickly_and_read_each_file_once() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.write("claims/sub/b.toml", claims("Japan", "capital", "Tokyo"));
    case.link("claims/a", ".");
    case.link("claims/b", ".");
    case.link("claims/sub/up", "..");
    let started = Instant::now();
    let run = case.run_with_timeout(&["check", "--format", "json"], Duration::from_secs(10));
    run.assert_status(0);
    assert!(started.elapsed() < Duration::from_secs(10));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["sources"], 2, "{}", run.out());
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_blocking() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    let fifo = case.path("claims/fifo.toml");
    // mkfifo is POSIX: every Unix this test is built for has it.
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(
        made.as_ref().is_ok_and(std::process::ExitStatus::success),
        "mkfifo: {made:?}"
    );
    std::fs::create_dir_all(case.path("sources")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(case.path("sources/pipe.txt"))
        .status();
    assert!(made.is_ok_and(|s| s.success()));
    case.write("claims/b.toml", probing("../sources/pipe.txt"));
    case.link("claims/zero.toml", "/dev/zero");
    let run = case.run_with_timeout(&["check", "--format", "concise"], Duration::from_secs(10));
    run.assert_status(2);
    assert_eq!(run.out().matches("is a FIFO").count(), 2, "{}", run.out());
}

#[cfg(unix)]
#[test]
fn dev_zero_as_a_source_text_is_refused_without_reading_it() {
    let case = Case::new();
    case.write("claims/a.toml", probing("/dev/zero"));
    let run = case.run_with_timeout(
        &["check", "--allow-outside-root", "--format", "concise"],
        Duration::from_secs(10),
    );
    run.assert_status(2);
    assert!(run.out().contains("a device"), "{}", run.out());
}

#[test]
fn files_over_the_size_limit_are_refused_and_the_rest_checked() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    let mut big = claims("Japan", "capital", "Kyoto");
    big.push_str("# ");
    big.push_str(&"x".repeat(4096));
    big.push('\n');
    case.write("claims/big.toml", big);
    let run = case.run(&["check", "--max-file-size", "2K", "--format", "json"]);
    run.assert_status(2);
    assert!(run.out().contains("larger than the limit of 2048 bytes"));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["sources"], 1, "the rest is still checked");
    case.run(&["check", "--max-file-size", "1M"])
        .assert_status(1);
}

#[cfg(unix)]
#[test]
fn an_unreadable_subdirectory_is_one_finding_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.write("claims/locked/b.toml", claims("Japan", "capital", "Tokyo"));
    let locked = case.path("claims/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads through permissions: the run drops to an unprivileged user then.
    let run = run_unprivileged(&case, &["check", "--format", "json"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    run.assert_status(2);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["sources"], 1);
    assert_eq!(codes(&run), ["factcheck::load::io"]);
}

#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8_are_distinct_sources() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let case = Case::new();
    for name in [&b"a\xff.toml"[..], &b"a\xfe.toml"[..]] {
        let path = case.path("claims").join(OsStr::from_bytes(name));
        std::fs::write(path, claims("Japan", "capital", "Tokyo")).unwrap();
    }
    let run = case.run(&["check", "--format", "json"]);
    run.assert_status(0);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["sources"], 2, "{}", run.out());
}

#[cfg(target_os = "linux")]
#[test]
fn paths_beyond_the_system_limit_are_reported_not_skipped() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    // Deep enough that the full path passes PATH_MAX (4096) while each name is legal. No
    // path handed to the system may pass it, so the tree is built in two relative halves by
    // coreutils run from a directory half-way down, reached by a path within the limit.
    case.write("deep.toml", claims("Japan", "capital", "Kyoto"));
    let level = "d".repeat(200);
    let half = vec![level.as_str(); 13].join("/");
    let middle = case.path("claims").join(&half);
    let made = |program: &str, dir: &std::path::Path, args: &[&str]| {
        let status = std::process::Command::new(program)
            .current_dir(dir)
            .args(args)
            .status();
        assert!(
            status.as_ref().is_ok_and(std::process::ExitStatus::success),
            "{program} {args:?}: {status:?}"
        );
    };
    made("mkdir", &case.path("claims"), &["-p", &half]);
    made("mkdir", &middle, &["-p", &half]);
    let deep = format!("{half}/deep.toml");
    let source = case.path("deep.toml");
    made("cp", &middle, &[source.to_str().unwrap(), &deep]);
    std::fs::remove_file(&source).unwrap();
    assert!(
        case.path("claims").as_os_str().len() + 2 * half.len() > 4096,
        "past the limit"
    );
    let run = case.run(&["check", "--format", "json"]);
    run.assert_status(2);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["sources"], 1, "the rest is still checked");
    assert_eq!(codes(&run), ["factcheck::load::io"], "{}", run.out());
}

#[cfg(unix)]
#[test]
fn file_names_with_control_characters_are_refused_at_discovery() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.write(
        "claims/x\n::warning file=a::forged\n.toml",
        claims("Japan", "capital", "Kyoto"),
    );
    case.write(
        "claims/\u{1b}]8;;http://x/\u{7}y.toml",
        claims("Japan", "capital", "Kyoto"),
    );
    for (what, run) in every_format(&case) {
        assert_eq!(run.status, Some(2), "{what}: {}", run.all());
        let all = run.all();
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}'),
            "{what}: {all}"
        );
        assert!(
            !all.lines().any(|l| l.starts_with("::warning")),
            "{what}: {all}"
        );
    }
    let run = case.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(
        json["summary"]["sources"], 1,
        "the refused files are not read"
    );
    assert_eq!(codes(&run), ["factcheck::load::io", "factcheck::load::io"]);
}

#[cfg(unix)]
#[test]
fn a_baseline_committed_as_a_link_outside_the_root_is_refused() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.link("baseline.json", case.secret_path());
    let run = case.run(&["check", "--baseline", "baseline.json"]);
    run.assert_status(2).assert_no_secret();
    assert!(
        run.err().contains("leads outside the dataset root"),
        "{}",
        run.err()
    );
}
