//! Quote matching on real prose: every sentence of the demonstration's source texts, copied
//! the ways researchers copy quotes, is found; with one word changed, it is not, and the
//! message's matched prefix ends right before the change.

#![allow(clippy::expect_used, clippy::panic)] // a failed expectation is a failed test

use factcheck::normalize::quotes::matching::{Quote, Text, find};

fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("sources/")
        .map(|entry| entry.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a source text"))
        .collect()
}

/// Sentences of at least twelve words, as whitespace-separated words.
fn sentences(text: &str) -> Vec<Vec<&str>> {
    text.split(['.', '\n'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>())
        .filter(|words| words.len() >= 12 && words.iter().all(|w| !w.contains('[')))
        .collect()
}

fn found(text: &Text<'_>, quote: &str) -> bool {
    find(text, &Quote::new(quote)).is_ok()
}

/// The word with its first letter's case swapped.
fn swap_case(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().map_or_else(String::new, |c| {
        if c.is_uppercase() {
            c.to_lowercase().collect()
        } else {
            c.to_uppercase().collect()
        }
    });
    first + chars.as_str()
}

#[test]
fn sentences_copied_as_researchers_copy_them_are_found() {
    let mut checked = 0;
    for source in texts() {
        let text = Text::new(&source);
        for words in sentences(&source) {
            let n = words.len();
            let plain = words.join(" ");
            let variants = [
                format!("{} {}.", swap_case(words[0]), words[1..].join(" ")),
                format!("“{plain}”"),
                format!("{} … {}", words[..4].join(" "), words[n - 4..].join(" ")),
                format!(
                    "{} [...] {}",
                    words[..3].join(" "),
                    words[n - 3..].join(" ")
                ),
                format!("[it] {}", words[2..].join(" ")),
                format!(
                    "{} [the text's words] {}",
                    words[..4].join(" "),
                    words[7..].join(" ")
                ),
                words.join("\n"),
            ];
            for quote in &variants {
                assert!(found(&text, quote), "not found: {quote}");
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} sentences");
}

#[test]
fn a_changed_word_is_not_found_and_the_match_stops_before_it() {
    let mut checked = 0;
    for source in texts() {
        let text = Text::new(&source);
        for words in sentences(&source) {
            let at = words.len() / 2;
            if !words[at].chars().all(char::is_alphabetic) {
                continue;
            }
            let mut changed = words.clone();
            let replacement = format!("{}zq", words[at]);
            changed[at] = &replacement;
            let quote = changed.join(" ");
            let Err(divergence) = find(&text, &Quote::new(&quote)) else {
                panic!("found with a changed word: {quote}");
            };
            let prefix = words[..at].join(" ");
            assert!(
                prefix.ends_with(&divergence.matched) || divergence.matched.ends_with(&prefix),
                "{quote}: matched “{}”",
                divergence.matched
            );
            assert!(
                divergence.quote_next.starts_with(&replacement),
                "{divergence:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} sentences");
}

/// The demonstration dataset in memory, with `edit` applied to each claims file's text.
fn demo_with(edit: impl Fn(&str, &str) -> String) -> factcheck::Checked {
    use factcheck::fs::MemoryFs;
    use factcheck::load::{Access, Request, RulesPath};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut fs = MemoryFs::new();
    for dir in ["claims", "sources"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("a demo directory") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("a demo file");
            let text = if dir == "claims" {
                edit(&name, &text)
            } else {
                text
            };
            fs = fs.with(format!("{dir}/{name}"), text);
        }
    }
    fs = fs.with(
        "rules.toml",
        std::fs::read_to_string(root.join("rules.toml")).expect("rules.toml"),
    );
    let request = Request {
        claims_dir: "claims".into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
        access: Access::default(),
    };
    factcheck::check_in(
        &fs,
        &request,
        &factcheck::triage::Policy::default(),
        &mut |_| {},
    )
}

fn unsupported(checked: &factcheck::Checked) -> Vec<String> {
    checked
        .findings
        .iter()
        .filter(|f| f.code == factcheck::findings::Code::QuoteUnsupported)
        .flat_map(|f| {
            f.claims()
                .map(|c| format!("{} = {}", c.address(), c.stated()))
        })
        .collect()
}

#[test]
fn every_demo_quote_states_its_value_and_a_changed_digit_is_caught() {
    assert_eq!(
        unsupported(&demo_with(|_, text| text.to_owned())),
        Vec::<String>::new()
    );
    // Each value with a digit, its last digit changed (2014 to 2015, 2019 to 2010), in turn.
    let mut changed = 0;
    for name in [
        "arirang-mission.toml",
        "fletcher-excerpt.toml",
        "ipdf.toml",
        "isozaki-commentary.toml",
        "nato-relations.toml",
    ] {
        let source = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("claims")
                .join(name),
        )
        .expect("a claims file");
        for (line_number, line) in source.lines().enumerate() {
            let Some(value) = line
                .strip_prefix("value = \"")
                .and_then(|v| v.strip_suffix('"'))
            else {
                continue;
            };
            let Some(mut at) = value.rfind(|c: char| c.is_ascii_digit()) else {
                continue;
            };
            // A decade changes by its tens: "1970s" becomes "1980s".
            if value[at + 1..].starts_with('s') && at > 0 {
                at -= 1;
            }
            let digit = value.as_bytes()[at] - b'0';
            let mutated = format!("{}{}{}", &value[..at], (digit + 1) % 10, &value[at + 1..]);
            let quote = source
                .lines()
                .skip(line_number)
                .find(|l| l.starts_with("quote = "))
                .unwrap_or_default();
            if quote.contains(&mutated) {
                continue; // the quote states that value too ("In April 2022 and April 2023")
            }
            let checked = demo_with(|file, text| {
                if file != name {
                    return text.to_owned();
                }
                text.lines()
                    .enumerate()
                    .map(|(n, l)| {
                        if n == line_number {
                            format!("value = \"{mutated}\"")
                        } else {
                            l.to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            if checked.findings.iter().any(|f| f.code.is_load()) {
                continue; // not a value any more
            }
            let flagged = unsupported(&checked);
            assert_eq!(
                flagged.len(),
                1,
                "{name}:{}: {value} → {mutated}: {flagged:?}",
                line_number + 1
            );
            assert!(
                flagged[0].ends_with(&format!(" = {mutated}")),
                "{flagged:?}"
            );
            changed += 1;
        }
    }
    assert!(changed >= 20, "only {changed} values with digits");
}
