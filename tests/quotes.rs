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
