//! Book (Yin, Han, Yu, KDD 2007; `book/`): 877 online bookstores' author lists of 1,265 computer
//! science books, scored on the 100 books of `book_golden.txt` (authors from the covers, lower
//! case `last, first;`), as a set: an answer is right when its authors are the gold's.
//!
//! Conversion: the ISBN (ISBN-10 or ISBN-13 as the store wrote it) becomes the ISBN-13, so one
//! book is one subject. A list is split into its authors (the converter's job: `;`, `/`, ` and `,
//! `&`, and commas read as `Last, First` pairs or as `First Last` names by what the pieces hold),
//! after dropping `Not Available`, `By (author)`, `(Editor)` and `et al.`; each author stays as
//! written (`Donald Ervin Knuth`, `Knuth, Donald E.`: matching the forms is factcheck's `name`
//! type). Two shapes of the same claims:
//!
//! - **authors**: one row per author, property `author` of type `name`, `cardinality = "multi"`;
//!   factcheck's answer is the set of its best-supported values;
//! - **lists**: one row per store and book, the list as written, a single-valued `text`.
//!
//! Scoring (the same for every method, and for the gold): an author is its folded last name and
//! first initial (`o'leary, timothy j.` and `Timothy J. O'Leary` are `oleary t`), a list the
//! sorted set of its authors. Majority vote counts the stores giving each set.

use std::collections::HashMap;
use std::fs;
use std::io::Read as _;
use std::path::Path;

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

/// The authors of a list as the store wrote it, each as written.
fn authors(list: &str) -> Vec<String> {
    let mut text = list.to_owned();
    for noise in [
        "By (author)",
        "(author)",
        "(Editor)",
        "(editor)",
        "et al.",
        "et al",
    ] {
        text = text.replace(noise, "");
    }
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
    let joined = text
        .replace(" and ", ",")
        .replace(" And ", ",")
        .replace(" AND ", ",")
        .replace(" & ", ",");
    let pieces = clean(joined.split(',').collect());
    if pieces.len() <= 1 || pieces.iter().all(|p| p.contains(' ')) {
        return pieces;
    }
    // `Last, First, Last, First`: pairs (an odd last piece stands alone).
    pieces.chunks(2).map(|pair| pair.join(", ")).collect()
}

/// An author's scoring key: folded last name and first initial.
fn author_key(name: &str) -> String {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphabetic() || c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
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
    let (best, wall, peak) = super::answers(&work, &authors_rows, |_, best| {
        if best.is_empty() {
            Vec::new()
        } else {
            vec![set_key(best)]
        }
    });
    let authors_score = Score {
        run: Some((wall, peak)),
        ..super::score(&best, &gold)
    };
    super::row("factcheck best set (authors, multi)", &authors_score, items);

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
    assert_eq!(isbn13("0201853949"), "9780201853940");
    assert_eq!(isbn13("978-0-201-85394-0"), "9780201853940");
}
