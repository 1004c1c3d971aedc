//! `factcheck init [DIR]`: a dataset to start from (DESIGN 4.4).
//!
//! Owns the scaffold: an example claims file that uses every key of the format once, the
//! text of its (made-up) source so that its quotes are checked, and a `rules.toml` that
//! explains every table. The scaffold checks clean, and so does its `rules.toml` once the
//! example is deleted: the rules that name the example's subject, properties and qualifiers
//! are written commented out (a rule naming what no claim has is an error). It never overwrites: when any file it
//! would write exists, it writes nothing. It is all or nothing: each file is written
//! atomically, and when one cannot be, every file and directory this run created is taken
//! back, and the message says whether that worked. Reviews are not scaffolded: `factcheck
//! review` creates `reviews.toml` with its own header.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::fs::write::{Created, Target};

use super::{fail, write_stdout};

/// One file of the scaffold: where it goes in the dataset, what it is for, what it holds.
struct Scaffold {
    path: &'static str,
    about: &'static str,
    text: &'static str,
}

const FILES: [Scaffold; 3] = [
    Scaffold {
        path: "claims/example.toml",
        about: "an example source and three of its claims, every key explained",
        text: EXAMPLE_CLAIMS,
    },
    Scaffold {
        path: "sources/example.txt",
        about: "the example source's text, which its quotes are checked against",
        text: EXAMPLE_TEXT,
    },
    Scaffold {
        path: "rules.toml",
        about: "how claims are matched and compared, every table explained",
        text: RULES,
    },
];

/// Creates the dataset and returns the exit status: 0, or 2 when a file exists already or
/// cannot be written.
#[must_use]
pub fn run(args: &InitArgs) -> u8 {
    let dir = &args.dir;
    let existing: Vec<String> = FILES
        .iter()
        .map(|file| dir.join(file.path))
        .filter(|path| path.symlink_metadata().is_ok())
        .map(|path| format!("`{}`", path.display()))
        .collect();
    if !existing.is_empty() {
        return fail(&format!(
            "not overwriting {}; nothing was created (move {} away, or init another directory)",
            existing.join(", "),
            if existing.len() == 1 { "it" } else { "them" },
        ));
    }
    let mut created = Created::default();
    for file in &FILES {
        // An existing file is never replaced, even one that appeared since the check above.
        let written = Target::own(
            &dir.join(file.path),
            "move it away, or init another directory",
        )
        .and_then(|target| target.create(file.text.as_bytes()));
        match written {
            Ok(new) => created.extend(new),
            Err(error) => return fail(&format!("{error}; {}", taken_back(&created.undo()))),
        }
    }
    match write_stdout(&report(dir)) {
        Ok(()) => 0,
        Err(error) => fail(&format!(
            "created a dataset in `{}`, but cannot write to stdout: {error}",
            dir.display()
        )),
    }
}

/// What is left after taking back what this run created: `left`, which could not be removed.
fn taken_back(left: &[PathBuf]) -> String {
    if left.is_empty() {
        return "nothing was created".to_owned();
    }
    let named: Vec<String> = left
        .iter()
        .map(|path| format!("`{}`", path.display()))
        .collect();
    format!(
        "{} could not be removed again (remove {} by hand)",
        named.join(", "),
        if left.len() == 1 { "it" } else { "them" },
    )
}

/// What was created, and what to do next.
fn report(dir: &Path) -> String {
    let mut out = format!("factcheck: created a dataset in `{}`:\n", dir.display());
    for file in &FILES {
        let _ = writeln!(out, "  {:<21} {}", file.path, file.about);
    }
    let check = if dir == Path::new(".") || dir.as_os_str().is_empty() {
        "factcheck check".to_owned()
    } else {
        format!("cd {} && factcheck check", shown(dir))
    };
    let _ = write!(
        out,
        "
Next steps:
  1. Write one file per source in claims/, as claims/example.toml shows, then delete the
     example (and sources/example.txt).
  2. Adapt rules.toml to your subjects and properties, or delete it: every key is optional.
     Its rules for the example are commented out; uncomment them to see them at work.
  3. Run `{check}`: it exits 0 when the sources agree, 1 when they disagree.
  For completion in your editor: `factcheck schema claims > claims.schema.json`, then put
  `#:schema ../claims.schema.json` on the first line of each claims file.
"
    );
    out
}

/// A directory as a user would type it in a shell: quoted when it holds spaces or quotes.
fn shown(dir: &Path) -> String {
    let text = dir.display().to_string();
    if text
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-~".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

const EXAMPLE_CLAIMS: &str = r#"# An example claims file. Write one file like this per source you read: the file name
# (`example`) is the source's id, and a claim is addressed as SOURCE#ID (`example#built`).
# The source below is made up for the example; its text is in ../sources/example.txt.

[source]
# Required: what the document is called and who published it.
title = "The Old Mill Bridge at 150"
publisher = "Riverside Historical Society"
# Everything else is optional.
author = "J. Example"                  # who wrote it
published = 2022-05-14                 # a TOML date or a string ("2022", "May 2022"); anchors
                                       # relative dates such as "last year"
url = "https://example.org/old-mill-bridge"   # where it can be read
accessed = 2024-06-01                  # when you read it
kind = "news"                          # official, news, commentary, encyclopedia...
text = "../sources/example.txt"        # its full text, relative to this file: every quote
                                       # must be found in it
derived_from = []                      # ids of sources this one copies or excerpts: it does not
                                       # count as independent of them
id = "example"                         # the source id, when it is not the file name

# One [[claim]] per thing the source says about one subject. Write values as the source states
# them, even when they look wrong: finding what disagrees is factcheck's job.
[[claim]]
id = "built"                           # a stable handle, unique in this file (without one, the
                                       # claim is addressed by its position: example#1)
subject = "Old Mill Bridge"            # what the claim is about
property = "built"                     # what is said about it
value = "early 1870s"                  # as stated; a vague date becomes an interval (1870-1873)
quote = "the bridge was built in the early 1870s"   # a short verbatim extract of the text
cites = "the county archives"          # whom the source credits for it

[[claim]]
id = "restored"
subject = "Old Mill Bridge"
property = "restored"
value = "1998"
quote = "it was restored in 1998"

[[claim]]
id = "visitors-2021"
subject = "Old Mill Bridge"
property = "visitors"
value = "about 12,000"                 # "about" widens a number to 10% either way
# Context that tells facts apart: a claim for another year is about another fact.
qualifiers = { year = "2021" }
quote = "about 12,000 visitors in 2021"
"#;

const EXAMPLE_TEXT: &str = "\
The Old Mill Bridge at 150

Few structures in Riverside are as familiar as the Old Mill Bridge. According to the county
archives, the bridge was built in the early 1870s to carry farm carts across the Mill River to
the grain mill that gave it its name.

After decades of wear, and a flood that washed away its railings, it was restored in 1998 and
reopened to walkers the following spring. The society counted about 12,000 visitors in 2021.
";

const RULES: &str = r###"# How factcheck matches and compares the claims in claims/. Every table and key is optional:
# without a rules.toml, every property is single-valued and its type is inferred from its values.

# Names (subjects, properties, name values, qualifier values) are folded first: case, accents,
# dashes, hyphens and spaces, British and American spellings. Then they are matched through
# aliases, acronyms and fuzzy spelling; a name that fuzzily matches a better-supported one is
# reported as a variant of it (factcheck::name::variant).
[names]
variants = ["close", "similar", "reordered"]  # the fuzzy levels that make a variant (default: all)
                                             #   close: one typo in the whole name
                                             #   similar: a few typos, every word close
                                             #   reordered: the same words in another order
min_length = 4                                # shorter names are never matched fuzzily (default 4)

# Severities by finding code (`factcheck explain` lists the codes): error fails the check,
# warning is reported, allow hides it. A namespace ("factcheck::name") sets every code in it;
# the longest match wins.
[severity]
"factcheck::name" = "warning"            # the default, written out
"factcheck::tension::date" = "error"     # dates that only nearly meet fail the check too

# Reviews of findings ([[review]] tables) may be kept here too; `factcheck review` writes
# them to reviews.toml.

# ---- Rules for the example in claims/example.toml ----
## They name the example's subject, properties and qualifier, and a rule that names what no
## claim has is an error, so they are commented out: deleting the example leaves this file
## checking clean. To see them at work on the example, remove the "# " that starts each line
## below (lines starting "##" stay comments); then adapt them to your own subjects and
## properties, or delete them.
#
## One [[entity]] per thing known by several names. Declaring a name also keeps it from being
## reported as a variant of a similar one.
# [[entity]]
# name = "Old Mill Bridge"                      # the canonical spelling, used in reports
# aliases = ["Mill Bridge", "Riverside footbridge"]   # acronyms, translations, old names
# note = "Free text for the people who maintain these rules."
#
## One [[property]] per property that needs more than the defaults.
# [[property]]
# name = "visitors"                   # the canonical name
# aliases = ["visitor count"]         # other names claims may use for it
# type = "number"                     # date | number | name | text (inferred when omitted)
# cardinality = "single"              # single (default): one true value, so different values
#                                     # conflict; multi: several values are all true
# separators = ["year"]               # the qualifier keys that make claims with different values
#                                     # different facts (default: every key does)
# severity = "error"                  # of a conflict on this property: error | warning | allow
# tolerance = "5%"                    # numbers: how far apart values may be and still agree,
#                                     # a percentage ("5%"), an amount with its unit ("10 m"),
#                                     # or a bare number (1000) in the values' base unit
# note = "Yearly counts: claims for different years are different facts."
#
## One [[order]] per ordering constraint: the `before` fact happened no later than the `after`
## fact. Both are date properties; a subject given on one side applies to both, and with no
## subject the constraint holds for every subject that has both properties.
# [[order]]
# before = { subject = "Old Mill Bridge", property = "built" }
# after = { property = "restored" }
# note = "A bridge is restored after it is built."
"###;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_left_is_said() {
        assert_eq!(taken_back(&[]), "nothing was created");
        assert_eq!(
            taken_back(&[PathBuf::from("d/a"), PathBuf::from("d")]),
            "`d/a`, `d` could not be removed again (remove them by hand)"
        );
    }

    #[test]
    fn a_directory_is_shown_as_typed_or_quoted() {
        assert_eq!(shown(Path::new("data/set-1")), "data/set-1");
        assert_eq!(shown(Path::new("my data")), "'my data'");
        assert_eq!(shown(Path::new("it's")), r"'it'\''s'");
    }

    #[test]
    fn the_report_names_every_file_and_the_check() {
        let elsewhere = report(Path::new("data"));
        for file in &FILES {
            assert!(elsewhere.contains(file.path), "{elsewhere}");
        }
        assert!(
            elsewhere.contains("cd data && factcheck check"),
            "{elsewhere}"
        );
        assert!(report(Path::new(".")).contains("Run `factcheck check`"));
    }
}
