//! Escaping: no control sequence, bidirectional override or forged workflow command from the
//! dataset reaches a terminal, a CI log or a machine format.
//!
//! Every vector is run through every format of `check` and of `report`, and what was printed
//! (stdout and stderr) is checked byte by byte: no ESC, BEL, lone CR, other C0 or C1 control,
//! bidirectional override or isolate, line or paragraph separator (their JSON escapes are
//! fine), and no line that the Actions runner would read as a workflow command (`::name` or
//! `##[name` after leading whitespace) unless it is one factcheck itself writes in the
//! `github` format. Output stays bounded (linear in the input) and no input makes rendering
//! panic.

use std::fmt::Write as _;

use crate::util::{CHECK_FORMATS, Case, Run, claims, every_format};

/// Terminal and log control from the dataset: a hyperlink (OSC 8 with BEL), a screen clear,
/// a carriage return that would overwrite the line, forged workflow commands, a
/// right-to-left override, an isolate, a line separator and a C1 control.
const NASTY: &str = "\u{1b}]8;;http://x/\u{7}click\u{1b}]8;;\u{7}\u{1b}[2J\r\n::add-mask::hidden\r::stop-commands::tok\n##[warning]v1 \u{202E}gnp.exe \u{2066}iso\u{2069} \u{2028}sep\u{2029} \u{85}nel \u{9b}31m";

/// `NASTY` as the escapes of a TOML basic string.
fn toml_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\U{:08X}", u32::from(c));
        }
    }
    out
}

/// A file name (one path component) carrying the same attack: no `/`, no NUL.
fn nasty_name(tag: &str) -> String {
    format!(
        "{tag}\n::warning file=x.toml::forged\n::add-mask::hidden\n::stop-commands::tok\n##[error]v1\u{1b}]8;;http:\u{7}x\u{1b}]8;;\u{7}\u{1b}[2J\rcr\u{202E}\u{2066}\u{2028}\u{85}.toml"
    )
}

/// What is wrong with what one run printed, if anything.
fn problems(format: &str, run: &Run) -> Vec<String> {
    let mut found = Vec::new();
    for (stream, bytes) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let Ok(text) = std::str::from_utf8(bytes) else {
            found.push(format!("{stream} is not UTF-8"));
            continue;
        };
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let bad = match c {
                '\r' => chars.peek() != Some(&'\n'),
                '\n' | '\t' => false,
                c if c.is_control() => true,
                '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
                _ => false,
            };
            if bad {
                found.push(format!("{stream} holds {c:?}"));
            }
        }
        for line in text.lines() {
            let start = line.trim_start();
            if start.starts_with("##[") {
                found.push(format!("{stream} has an old-style command line: {line:?}"));
            }
            let Some(command) = start.strip_prefix("::") else {
                continue;
            };
            let ours = stream == "stdout" && format == "check --format github";
            match command_of(command) {
                Some((name, keys))
                    if ours
                        && ["error", "warning", "group", "endgroup"].contains(&name)
                        && keys.iter().all(|k| {
                            ["file", "line", "endLine", "col", "endColumn", "title"].contains(k)
                        }) => {}
                _ => found.push(format!("{stream} has a command line: {line:?}")),
            }
        }
    }
    found
}

/// A command line (after its leading `::`) as the runner reads it (`ActionCommand.TryParseV2`):
/// its name and its property keys, which end at the first `::`.
fn command_of(command: &str) -> Option<(&str, Vec<&str>)> {
    let (info, _) = command.split_once("::")?;
    let (name, properties) = info.split_once(' ').unwrap_or((info, ""));
    let keys = properties
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').map_or(p, |(k, _)| k))
        .collect();
    Some((name, keys))
}

/// Runs every format and asserts that nothing unsafe was printed and nothing panicked.
fn assert_safe_everywhere(case: &Case) -> Vec<(String, Run)> {
    let runs = every_format(case);
    let mut report = String::new();
    for (format, run) in &runs {
        assert!(!run.timed_out, "{format} timed out");
        assert_ne!(run.status, Some(101), "{format} panicked: {}", run.err());
        for problem in problems(format, run) {
            let _ = writeln!(report, "{format}: {problem}");
        }
        run.assert_no_secret();
    }
    assert!(report.is_empty(), "{report}");
    runs
}

/// A claims file with one claim of `capital`, its value given as TOML.
fn capital(value_toml: &str) -> String {
    format!(
        "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"Japan\"\nproperty = \"capital\"\nvalue = {value_toml}\n"
    )
}

#[test]
fn a_plain_dataset_still_checks() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.run(&["check"]).assert_status(0).assert_no_secret();
}

#[test]
fn values_labels_and_messages_are_escaped_in_every_format() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.write(
        "claims/b.toml",
        capital(&format!("\"{}\"", toml_escaped(NASTY))),
    );
    let runs = assert_safe_everywhere(&case);
    let (_, human) = &runs[0];
    assert_eq!(human.status, Some(1), "{}", human.all());
    assert!(human.out().contains("\\u{1b}]8;;"), "{}", human.out());
}

#[test]
fn file_names_are_escaped_in_every_format() {
    let case = Case::new();
    // Enough findings for the github format's overflow group: 24 sources, each against `a`
    // on a fact of its own.
    let mut a = "[source]\ntitle = \"T\"\npublisher = \"P\"\n".to_owned();
    for i in 0..24 {
        let _ = write!(
            a,
            "\n[[claim]]\nsubject = \"Country {i}\"\nproperty = \"capital\"\nvalue = \"Tokyo\"\n"
        );
        case.write(
            &format!("claims/{}", nasty_name(&format!("n{i:02}"))),
            claims(&format!("Country {i}"), "capital", "Kyoto"),
        );
    }
    case.write("claims/a.toml", a);
    let runs = assert_safe_everywhere(&case);
    let (_, github) = runs
        .iter()
        .find(|(f, _)| f == "check --format github")
        .unwrap();
    // Whether discovery takes such names or refuses them, each is shown, escaped.
    assert!(
        github.out().contains("::group::") || github.status == Some(2),
        "{}",
        github.all()
    );
}

#[test]
fn snippet_lines_are_escaped_next_to_a_syntax_error() {
    let case = Case::new();
    // Raw control characters in comments are themselves syntax errors; either way the lines
    // around the error are shown.
    case.write(
        "claims/a.toml",
        format!(
            "[source]\ntitle = \"T\"\n# \u{1b}]8;;http://x/\u{7}click\u{1b}]8;;\u{7}\u{1b}[2J\n# {}\npublisher = = \"P\"\n# \u{202E}\u{2066}\u{2028}\u{85}\r::add-mask::hidden\n",
            "x\rcr"
        ),
    );
    case.write("claims/b.toml", claims("Japan", "capital", "Tokyo"));
    for (format, run) in assert_safe_everywhere(&case) {
        assert_eq!(run.status, Some(2), "{format}: {}", run.all());
        assert!(!run.all().trim().is_empty(), "{format} printed nothing");
    }
}

#[test]
fn snippet_lines_of_findings_are_escaped() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    // Raw (not escaped) unsafe characters TOML allows in strings and comments, on the lines
    // a conflict's snippet shows.
    case.write(
        "claims/b.toml",
        "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\n# \u{202E}\u{2066}\u{2028}\u{2029}\u{85} ::add-mask::x\nsubject = \"Japan\"\nproperty = \"capital\"\nvalue = \"Ky\u{202E}oto\u{2066}\u{2028}\t\"\n# \u{9b}2J\n",
    );
    let runs = assert_safe_everywhere(&case);
    let (_, human) = &runs[0];
    assert_eq!(human.status, Some(1), "{}", human.all());
    assert!(human.out().contains("value = \"Ky"), "{}", human.out());
}

/// A single-line claims file whose only claim has a quote of `length` characters before the
/// value a conflict points at.
fn long_line(length: usize) -> String {
    format!(
        "source = {{ title = \"T\", publisher = \"P\" }}\nclaim = [{{ quote = \"{}\", subject = \"Japan\", property = \"capital\", value = \"Kyoto\" }}]\n",
        "x".repeat(length)
    )
}

#[test]
fn a_label_far_along_a_line_does_not_panic() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.write("claims/b.toml", long_line(70_000));
    for (format, run) in assert_safe_everywhere(&case) {
        let expected: &[i32] = if format.starts_with("check") {
            &[1, 2]
        } else {
            &[0, 2]
        };
        assert!(
            run.status.is_some_and(|s| expected.contains(&s)),
            "{format}: {:?} {}",
            run.status,
            run.err()
        );
        assert!(!run.out().trim().is_empty(), "{format} printed nothing");
        // The long line is clipped, not printed whole (a report shows quotes in full).
        if format.starts_with("check") {
            assert!(!run.all().contains(&"x".repeat(1_000)), "{format}");
        }
    }
}

#[test]
fn a_syntax_error_far_along_a_line_does_not_panic() {
    let case = Case::new();
    case.write(
        "claims/a.toml",
        format!(
            "source = {{ title = \"T\", publisher = \"P\" }}\nx = \"{}\" = oops\n",
            "y".repeat(70_000)
        ),
    );
    for format in CHECK_FORMATS {
        let run = case.run(&["check", "--format", format]);
        run.assert_status(2);
        assert!(!run.all().trim().is_empty(), "{format} printed nothing");
        assert!(!run.all().contains(&"y".repeat(1_000)), "{format}");
        let format = format!("check --format {format}");
        assert!(
            problems(&format, &run).is_empty(),
            "{:?}",
            problems(&format, &run)
        );
    }
}

/// `sources` claims files that all share `quotes` distinct five-word quotes: every pair of
/// sources is a `source::copy` finding with `2 × quotes` locations.
fn shared_quotes(case: &Case, sources: usize, quotes: usize) -> usize {
    let mut input = 0;
    for s in 0..sources {
        let mut text = format!("[source]\ntitle = \"Source {s}\"\npublisher = \"P\"\n");
        for q in 0..quotes {
            let _ = write!(
                text,
                "\n[[claim]]\nsubject = \"Subject {q}\"\nproperty = \"p\"\nvalue = \"alpha{q}\"\nquote = \"alpha{q} beta{q} gamma{q} delta{q} epsilon{q}\"\n"
            );
        }
        input += text.len();
        case.write(&format!("claims/s{s:02}.toml"), text);
    }
    input
}

#[test]
fn output_is_linear_in_the_input_when_every_source_shares_every_quote() {
    let case = Case::new();
    let input = shared_quotes(&case, 20, 200);
    for format in CHECK_FORMATS {
        let run = case.run_with_timeout(
            &["check", "--format", format],
            std::time::Duration::from_secs(120),
        );
        run.assert_status(0);
        let printed = run.stdout.len() + run.stderr.len();
        // 190 findings, each listing at most a dozen locations and counting the rest: SARIF,
        // the largest, writes 3.2 times the input (1.5 MB for 0.46 MB). Before the cap, it
        // wrote all 76,000 locations: 43 MB, 94 times the input.
        assert!(
            printed < 4 * input,
            "{format}: {printed} bytes printed for {input} bytes of input"
        );
        // 200 quotes in each of two sources, a dozen listed.
        let count = match *format {
            "concise" => continue,
            "json" => "\"more_locations\": 388",
            _ => "388 more locations",
        };
        assert!(run.out().contains(count), "{format}: no count of the rest");
    }
}
