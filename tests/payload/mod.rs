//! A dataset whose text is hostile markup, shared by the HTML report's tests (`tests/html.rs`,
//! `tests/browser.rs`): every field the report shows carries a payload that would run a
//! script if it reached the page unescaped.

use std::fs;
use std::path::Path;

/// Source ids, titles, subjects, values, quotes and citations of the dataset, each a payload.
/// The report must show every one of them as text.
pub const SHOWN: [&str; 9] = [
    "<script>alert('id')</script>",
    "<img src=x onerror=alert('title')>",
    "<script>alert('subject')</script> mission",
    "<img src=x onerror=alert('quote')>",
    "</q><script>alert('quote2')</script>",
    "<img src=x onerror=alert('value')>",
    "<script>alert('value2')</script>",
    "javascript:alert('title2')",
    "x\" onmouseover=\"alert('attribute')",
];

/// Writes the dataset (a `claims/` folder) into `dir`. It has two contested facts: a date
/// conflict (one timeline) and a conflict between two names.
pub fn write(dir: &Path) {
    let claims = dir.join("claims");
    fs::create_dir_all(&claims).expect("claims directory");
    let first = format!(
        r#"[source]
id = "{id}"
title = "{title}"
publisher = "P"

[[claim]]
subject = "{subject}"
property = "opened"
value = "late 1970s"
quote = "{quote}"

[[claim]]
subject = "{attribute}"
property = "headed by"
value = "{value}"
"#,
        id = SHOWN[0],
        title = SHOWN[1],
        subject = SHOWN[2],
        quote = SHOWN[3],
        value = SHOWN[5],
        attribute = toml_escape(SHOWN[8]),
    );
    let second = format!(
        r#"[source]
title = "{title}"
publisher = "P"

[[claim]]
subject = "{subject}"
property = "opened"
value = "2018"
quote = "{quote}"
cites = "{title}"

[[claim]]
subject = "{attribute}"
property = "headed by"
value = "{value}"
"#,
        title = SHOWN[7],
        subject = SHOWN[2],
        quote = SHOWN[4],
        value = SHOWN[6],
        attribute = toml_escape(SHOWN[8]),
    );
    fs::write(claims.join("first.toml"), first).expect("claims file");
    // The file name is the second source's id, and shows in the inputs table: make it a
    // payload too where the file system allows it.
    let name = if cfg!(unix) {
        "<b onclick=alert('file')>.toml"
    } else {
        "second.toml"
    };
    fs::write(claims.join(name), second).expect("claims file");
}

fn toml_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
