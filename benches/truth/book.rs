//! Book (Yin, Han, Yu, KDD 2007; `book/`): 877 online bookstores' author lists of 1,265 computer
//! science books, scored on the 100 books of `book_golden.txt` (authors from the covers, lower
//! case `last, first;`), as a set: an answer is right when its authors are the gold's.
//!
//! Conversion: the ISBN (ISBN-10 or ISBN-13 as the store wrote it) becomes the ISBN-13, so one
//! book is one subject. HTML character references (`Zo&eacute;`, `&amp;`) and UTF-8 read as
//! Latin-1 (`ZoÃ©`) are decoded. A list is split into its authors (the converter's job: `;`,
//! `/`, ` and `, `&`, role markers `By (author)`, `Edited by`, `Editor:` and every parenthesised
//! note (`(Author)`, `(Joint Author)`, `(EDT)`, an affiliation) read as separators, the name
//! before `(Foreword by)`, `(Translator)` and the like dropped, suffixes `Jr.` dropped, and
//! commas read as `Last, First` pairs or as `First Last` names by what the pieces hold), after
//! dropping `Not Available` and `et al.`; each author stays as written (`Donald Ervin Knuth`,
//! `Knuth, Donald E.`: matching the forms is factcheck's `name` type). Two shapes of the same
//! claims:
//!
//! - **authors**: one row per author, property `author` of type `name`, `cardinality = "multi"`;
//!   factcheck's answer is the fact's best set (`set.supported` in the JSON Lines report), each
//!   author in its normal form (the spelling factcheck chose for the person);
//! - **lists**: one row per store and book, the list as written, a single-valued `text`.
//!
//! Scoring (the same for every method, and for the gold): an author is its folded last name and
//! first initial (`o'leary, timothy j.` and `Timothy J. O'Leary` are `oleary t`; diacritics
//! folded: `Stützle` is `stutzle`), a list the sorted set of its authors. Majority vote counts
//! the stores giving each set. `BOOK_MISSES=1` prints each gold book the best set gets wrong.

use std::collections::HashMap;
use std::fs;
use std::io::Read as _;
use std::path::Path;

use serde_json::Value;

use super::{Claim, Score};

/// The ISBN-13 of an ISBN-10 or ISBN-13 (other strings as they are).
fn isbn13(isbn: &str) -> String {
    let digits: String = isbn
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
        .collect();
    if digits.len() != 10 {
        return digits;
    }
    let body = format!("978{}", &digits[..9]);
    let sum: u32 = body
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap_or(0) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

/// The authors of a list as the store wrote it, each as written (HTML character references
/// and UTF-8 read as Latin-1 decoded).
fn authors(list: &str) -> Vec<String> {
    let text = roles(&mojibake(&entities(list)));
    let text = text.trim().trim_start_matches("By ").trim();
    if text.is_empty() || text.eq_ignore_ascii_case("not available") {
        return Vec::new();
    }
    let clean = |pieces: Vec<&str>| -> Vec<String> {
        pieces
            .into_iter()
            .map(|p| {
                p.trim()
                    .trim_matches(|c: char| c == ',' || c == '.')
                    .trim()
                    .to_owned()
            })
            .filter(|p| !p.is_empty())
            .collect()
    };
    if text.contains(';') || text.contains('/') {
        return clean(text.split([';', '/']).collect());
    }
    // `and` and `&` part names; within a part, commas part `First Last` names or pair up
    // `Last, First`.
    let parted = text
        .replace(" and ", "\n")
        .replace(" And ", "\n")
        .replace(" AND ", "\n")
        .replace(" & ", "\n");
    let mut names = Vec::new();
    for part in parted.split('\n') {
        // A suffix (`Steele, Guy L., Jr.`) is no name of its own.
        let suffix = |p: &String| {
            ["jr", "sr", "ii", "iii", "iv"].contains(&p.to_lowercase().trim_end_matches('.'))
        };
        let pieces: Vec<String> = clean(part.split(',').collect())
            .into_iter()
            .filter(|p| !suffix(p))
            .collect();
        if pieces.len() <= 1 || pieces.iter().all(|p| p.contains(' ')) {
            names.extend(pieces);
        } else {
            // `Last, First, Last, First`: pairs (an odd last piece stands alone).
            names.extend(pieces.chunks(2).map(|pair| pair.join(", ")));
        }
    }
    names
}

/// Role markers and notes read as list separators: `By (author)`, `Edited by`, `Editor:`, and
/// every parenthesised note (`(Author)`, `(Joint Author)`, `(EDT)`, `(ed.)`, an affiliation).
/// The name before a note that makes it no author (`(Foreword by)`, `(Translator)`) is
/// dropped; a note that is itself a name (`(Gillmer, J. - ed.)`) is kept; a note left open
/// (`(SAN JOSE STATE UNIVERSITY, CALIFORN`) ends the list; `et al.` is dropped.
fn roles(text: &str) -> String {
    const NOT_AUTHORS: [&str; 11] = [
        "foreword",
        "frw",
        "preface",
        "introduction",
        "translator",
        "trn",
        "ilt",
        "illustrator",
        "contribution",
        "manufactured",
        "photograph",
    ];
    let mut text = text.to_owned();
    for marker in [
        "By (author)",
        "By (Author)",
        "Edited by",
        "edited by",
        "Editor:",
        "EDITOR:",
    ] {
        text = text.replace(marker, ";");
    }
    for noise in ["et al.", "et al"] {
        text = text.replace(noise, "");
    }
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('(') {
        let (before, after) = rest.split_at(open);
        let Some(close) = after.find(')') else {
            out.push_str(before);
            rest = "";
            break;
        };
        let note = after[1..close].trim();
        let lower = note.to_lowercase();
        if NOT_AUTHORS.iter().any(|n| lower.starts_with(n)) {
            // Drop the name this note is about: back to the previous separator.
            out.push_str(&before[..before.rfind(';').map_or(0, |i| i + 1)]);
        } else {
            out.push_str(before);
            if let Some(name) = lower.strip_suffix("- ed.").or(lower.strip_suffix("- ed")) {
                out.push(';');
                out.push_str(&note[..name.len()]);
            }
        }
        out.push(';');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    // Separators left empty (`; ;`) are skipped when the list is split.
    if out
        .trim_matches(|c: char| c == ';' || c.is_whitespace())
        .contains(';')
    {
        out
    } else {
        out.replace(';', "")
    }
}

/// HTML character references decoded: `&amp;`, `&eacute;`, `&#146;`, `&nbsp;`; an unknown one
/// is left as written.
fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(end) = after.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let name = &after[1..end];
        match entity(name) {
            Some(decoded) => out.push_str(&decoded),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// One character reference's text, by its name (`eacute`, `#146`).
fn entity(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code: u32 = number.parse().ok()?;
        // Windows-1252's quotes, as stores wrote them.
        let c = match code {
            145 | 146 => '\u{2019}',
            147 | 148 => '"',
            _ => char::from_u32(code)?,
        };
        return Some(c.to_string());
    }
    let fixed = match name {
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "szlig" => "ß",
        "copy" => "©",
        "para" => "¶",
        "frac14" => "¼",
        "frac12" => "½",
        "reg" => "®",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_owned());
    }
    // A letter and its accent: `eacute`, `Atilde`, `ouml`.
    let mut chars = name.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    let mark = match chars.as_str() {
        "acute" => '\u{301}',
        "grave" => '\u{300}',
        "circ" => '\u{302}',
        "tilde" => '\u{303}',
        "uml" => '\u{308}',
        "ring" => '\u{30a}',
        "cedil" => '\u{327}',
        _ => return None,
    };
    let composed: String = [letter, mark].iter().collect::<String>();
    Some(compose(&composed))
}

/// A letter and a combining mark as one character where Latin-1 has one (`e` + acute is `é`).
fn compose(pair: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    pair.nfc().collect()
}

/// UTF-8 that was read as Latin-1 (`ZoÃ©`) read back as UTF-8 (`Zoé`); other text as it is.
fn mojibake(text: &str) -> String {
    if !text.contains(['Ã', 'Â']) || text.chars().any(|c| u32::from(c) > 0xff) {
        return text.to_owned();
    }
    let bytes: Vec<u8> = text.chars().map(|c| u32::from(c) as u8).collect();
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// An author's scoring key: folded last name and first initial.
fn author_key(name: &str) -> String {
    // Each word folded whole (`O'Leary` is `oleary`, `Stützle` is `stutzle`).
    let fold = |s: &str| -> String {
        s.split_whitespace()
            .map(factcheck::text::fold::concat_words)
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).collect::<String>())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (last, first) = if let Some((last, first)) = name.split_once(',') {
        (fold(last), fold(first))
    } else {
        let folded = fold(name);
        let words: Vec<&str> = folded.split_whitespace().collect();
        match words.as_slice() {
            [] => (String::new(), String::new()),
            [only] => ((*only).to_owned(), String::new()),
            [first, .., last] => ((*last).to_owned(), (*first).to_owned()),
        }
    };
    let last: String = last.split_whitespace().collect::<Vec<_>>().join(" ");
    match first.trim().chars().next() {
        Some(initial) => format!("{last} {initial}"),
        None => last,
    }
}

/// A set of authors' scoring key.
fn set_key<S: AsRef<str>>(names: &[S]) -> String {
    let mut keys: Vec<String> = names.iter().map(|n| author_key(n.as_ref())).collect();
    keys.sort();
    keys.dedup();
    keys.join("; ")
}

#[allow(clippy::too_many_lines)] // a measurement script, read top to bottom
pub fn run(root: &Path, data: &Path) {
    self_check();
    let mut text = String::new();
    liblzma::read::XzDecoder::new_multi_decoder(
        fs::File::open(data.join("book.txt.xz")).expect("book/book.txt.xz"),
    )
    .read_to_string(&mut text)
    .expect("UTF-8 text");
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut lists = Vec::new();
    let mut authors_rows = Vec::new();
    let mut stores = 0;
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [source, isbn, _title, list, ..] = fields.as_slice() else {
            continue;
        };
        let names = authors(list);
        if names.is_empty() {
            continue;
        }
        stores += 1;
        let isbn = isbn13(isbn);
        let next = index.len();
        let item = *index.entry(isbn.clone()).or_insert(next);
        for name in &names {
            authors_rows.push(Claim {
                source: (*source).to_owned(),
                subject: isbn.clone(),
                property: "author".to_owned(),
                value: name.clone(),
                qualifier: String::new(),
                item,
            });
        }
        lists.push(Claim {
            source: (*source).to_owned(),
            subject: isbn,
            property: "authors".to_owned(),
            value: (*list).trim().to_owned(),
            qualifier: String::new(),
            item,
        });
    }
    let mut gold = vec![None; index.len()];
    let golden = fs::read_to_string(data.join("book_golden.txt")).expect("book_golden.txt");
    let mut gold_books = 0;
    for line in golden.lines().filter(|l| !l.trim().is_empty()) {
        let Some((isbn, list)) = line.split_once('\t') else {
            continue;
        };
        gold_books += 1;
        if let Some(&item) = index.get(&isbn13(isbn)) {
            let names: Vec<&str> = list.split(';').filter(|n| !n.trim().is_empty()).collect();
            gold[item] = Some(set_key(&names));
        }
    }
    let items = gold.iter().flatten().count();
    println!(
        "\nbook: {stores} store lists giving authors ({} author claims), {} books; {items} gold \
         books with claims (of {gold_books})\n",
        authors_rows.len(),
        index.len()
    );
    let list_key = |list: &str| set_key(&authors(list));
    super::header();
    let majority = super::score(&super::majority(&lists, list_key), &gold);
    super::row("majority vote of store lists (as sets)", &majority, items);

    let work = root.join("target/bench-data/book/authors");
    super::write(
        &work,
        &authors_rows,
        "[[property]]\nname = \"author\"\ntype = \"name\"\ncardinality = \"multi\"\n",
        None,
    );
    let (best, wall, peak) = best_sets(&work, &authors_rows);
    let authors_score = Score {
        run: Some((wall, peak)),
        ..super::score(&best, &gold)
    };
    super::row("factcheck best set (authors, multi)", &authors_score, items);
    misses(&best, &gold, &index);

    let work = root.join("target/bench-data/book/lists");
    super::write(
        &work,
        &lists,
        "[[property]]\nname = \"authors\"\ntype = \"text\"\n",
        None,
    );
    let (best, wall, peak) = super::factcheck(&work, &lists, list_key);
    let lists_score = Score {
        run: Some((wall, peak)),
        ..super::score(&best, &gold)
    };
    super::row(
        "factcheck best-supported (lists as written)",
        &lists_score,
        items,
    );
}

/// Runs `factcheck report --format jsonl` in `dir` and gives each book the key of its best set:
/// the supported authors, each in its normal form (the spelling factcheck chose for the person).
fn best_sets(dir: &Path, claims: &[Claim]) -> (HashMap<usize, Vec<String>>, f64, f64) {
    let run = crate::timed::run(
        dir,
        &["report", "--format", "jsonl", "--max-file-size", "1G"],
        &[0, 1, 2],
    );
    let mut answers: HashMap<usize, Vec<String>> = HashMap::new();
    for line in run.output.stdout.split(|&b| b == b'\n') {
        let Ok(line) = serde_json::from_slice::<Value>(line) else {
            continue;
        };
        if line["kind"] != "fact" {
            continue;
        }
        let fact = &line["fact"];
        let names: Vec<&str> = fact["set"]["supported"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|i| fact["values"][i.as_u64()? as usize]["normalized"].as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        let chosen = vec![set_key(&names)];
        for claim in fact["claims"].as_array().expect("claims") {
            if claim["file"].as_str() != Some(super::TABLE) {
                continue;
            }
            // Line 1 is the header: line n holds claim n - 2.
            let line = claim["line"].as_u64().unwrap() as usize;
            if let Some(row) = line.checked_sub(2).and_then(|r| claims.get(r)) {
                answers.entry(row.item).or_insert_with(|| chosen.clone());
            }
        }
    }
    (answers, run.wall, run.peak_bytes as f64 / (1024.0 * 1024.0))
}

/// With `BOOK_MISSES` set, prints each gold book the best set gets wrong: the gold's authors and
/// the answer's, by scoring key.
fn misses(
    chosen: &HashMap<usize, Vec<String>>,
    gold: &[Option<String>],
    index: &HashMap<String, usize>,
) {
    if std::env::var_os("BOOK_MISSES").is_none() {
        return;
    }
    let mut isbns: Vec<(&usize, &String)> = index.iter().map(|(isbn, item)| (item, isbn)).collect();
    isbns.sort();
    for (item, isbn) in isbns {
        let Some(truth) = &gold[*item] else { continue };
        let answer = chosen.get(item).map(|a| a.join(" | ")).unwrap_or_default();
        if answer != *truth {
            println!("miss {isbn}\n  gold   {truth}\n  answer {answer}");
        }
    }
}

/// The converter's own checks on strings quoted in the plan (the bench runs no test harness, so
/// it checks itself before converting).
fn self_check() {
    assert_eq!(authors("Knuth, Donald E."), ["Knuth, Donald E"]);
    assert_eq!(authors("Donald Ervin Knuth"), ["Donald Ervin Knuth"]);
    assert_eq!(
        authors("Len Unsworth, Angela Thomas, Alyson M. Simpson"),
        ["Len Unsworth", "Angela Thomas", "Alyson M. Simpson"]
    );
    assert_eq!(
        authors("Steele, Guy; Joy, Bill"),
        ["Steele, Guy", "Joy, Bill"]
    );
    assert_eq!(
        authors("Helge Granberg, Norm Dye"),
        ["Helge Granberg", "Norm Dye"]
    );
    assert_eq!(authors("Gancarz,Mike"), ["Gancarz, Mike"]);
    assert_eq!(
        authors("By (author) Barry, Douglas K."),
        ["Barry, Douglas K"]
    );
    assert!(authors("Not Available").is_empty());
    assert_eq!(
        authors("Xiang, Zhigang/ Plastock, Roy"),
        ["Xiang, Zhigang", "Plastock, Roy"]
    );
    assert_eq!(
        authors("Yacht, Carol, And Crosson, Susan"),
        ["Yacht, Carol", "Crosson, Susan"]
    );
    assert_eq!(
        set_key(&authors("Timothy J. O'Leary and Linda I. O'Leary")),
        set_key(&["o'leary, timothy j.", "o'leary, linda i."])
    );
    assert_eq!(
        authors("Coulouris, George (Author) Dollimore, Jean (Author) Kindberg, Tim (Author)"),
        ["Coulouris, George", "Dollimore, Jean", "Kindberg, Tim"]
    );
    assert_eq!(
        authors("Bloch, Joshua (Author) Steele, Guy L., Jr. (Foreword by) Bloch, Josh (Author)"),
        ["Bloch, Joshua", "Bloch, Josh"]
    );
    assert_eq!(
        authors("Edited by Lacroix, Zo&eacute; Edited by Critchlow, Terence"),
        ["Lacroix, Zoé", "Critchlow, Terence"]
    );
    assert_eq!(authors("Zo&Atilde;&copy; Lacroix"), ["Zoé Lacroix"]);
    assert_eq!(authors("Steele, Guy L., Jr."), ["Steele, Guy L"]);
    assert_eq!(authors("Adams &amp; Scollard"), ["Adams", "Scollard"]);
    assert_eq!(
        authors("By (author) Hoos, Holger H. By (author) St&uuml;tzle, Thomas"),
        ["Hoos, Holger H", "Stützle, Thomas"]
    );
    assert_eq!(
        authors("Musser, David R.; (Gillmer, J.Derge - ed.)"),
        ["Musser, David R", "Gillmer, J.Derge"]
    );
    assert_eq!(
        authors("RUCKER, RUDY (SAN JOSE STATE UNIVERSITY, USA)"),
        ["RUCKER, RUDY"]
    );
    assert_eq!(
        authors("Lacroix, Zoe (EDT)/ Critchlow, Terence (EDT)"),
        ["Lacroix, Zoe", "Critchlow, Terence"]
    );
    assert_eq!(author_key("St\u{fc}tzle, Thomas"), "stutzle t");
    assert_eq!(author_key("Timothy J. O'Leary"), "oleary t");
    assert_eq!(isbn13("0201853949"), "9780201853940");
    assert_eq!(isbn13("978-0-201-85394-0"), "9780201853940");
}
