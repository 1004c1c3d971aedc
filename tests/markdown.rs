//! The Markdown report reads as written in the raw file and in the rendered page: dataset text
//! holding `<` and `&` is backslash-escaped where Markdown could read it as markup (a tag, an
//! entity), never turned into HTML entities (`&lt;`), which a reader of the raw file sees.

#![allow(clippy::expect_used)] // a failed expectation is a failed test

use snapbox::cmd::{Command, cargo_bin};

fn source(name: &str, value: &str) -> String {
    format!(
        "[source]\ntitle = \"{name}\"\npublisher = \"P & Q\"\n\n[[claim]]\nsubject = \"AT&T\"\n\
         property = \"motto\"\nvalue = '{value}'\n"
    )
}

#[test]
fn markup_characters_are_escaped_as_markdown_not_as_html() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("claims")).expect("claims/");
    std::fs::write(
        dir.path().join("claims/a.toml"),
        source("A", "<script>alert(1)</script> 1 < 2 & R&D"),
    )
    .expect("written");
    std::fs::write(
        dir.path().join("claims/b.toml"),
        source("B", "&amp; <b>bold</b>"),
    )
    .expect("written");
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir.path())
        .args(["report", "--format", "markdown"])
        .output()
        .expect("factcheck runs");
    let markdown = String::from_utf8(output.stdout).expect("UTF-8");
    for entity in ["&lt;", "&gt;", "&amp;amp;"] {
        assert!(!markdown.contains(entity), "{entity} in:\n{markdown}");
    }
    for escaped in [
        "\\<script>alert(1)\\</script> 1 < 2 & R\\&D",
        "\\&amp; \\<b>bold\\</b>",
        "AT\\&T",
    ] {
        assert!(markdown.contains(escaped), "{escaped} not in:\n{markdown}");
    }
    // Outside code spans (where Markdown reads nothing as markup), no tag opens unescaped.
    let outside_code: String = markdown.split('`').step_by(2).collect();
    for tag in ["<script", "</script", "<b>", "</b>"] {
        assert_eq!(
            outside_code.matches(tag).count(),
            outside_code.matches(&format!("\\{tag}")).count(),
            "{tag} unescaped in:\n{markdown}"
        );
    }
}
