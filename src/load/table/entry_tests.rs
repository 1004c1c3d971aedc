//! Tests of what a `[[table]]` entry declares beyond its columns: the files' `format` (whatever
//! their names say, compressed as their names say) and the `zone` of their date-times.

use std::fmt::Write as _;
use std::io::Write as _;

use crate::findings::Code;
use crate::fs::MemoryFs;
use crate::testing::dataset::check_fs;

fn codes(checked: &crate::Checked) -> Vec<Code> {
    let mut codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    codes.sort();
    codes
}

fn xz(text: &str) -> Vec<u8> {
    let mut encoder = liblzma::write::XzEncoder::new(Vec::new(), 6);
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

const CRAWL: &str = "aa\tAA-1007-TPA-MIA\tF78\tD5\n\
                     orbitz\tAA-1007-TPA-MIA\t F78\tD7\n";

fn crawl_rules(format: &str) -> String {
    format!(
        "[[table]]\nfiles = \"*-data.txt*\"\n{format}\
         columns = [\"Source\", \"Flight#\", \"Departure gate\", \"Arrival gate\"]\n\
         subject = \"Flight#\"\nqualifier = {{ day = \"{{stem}}\" }}\n"
    )
}

#[test]
fn a_declared_format_reads_files_whatever_their_extension() {
    let fs = MemoryFs::new()
        .with("rules.toml", crawl_rules("format = \"tsv\"\n"))
        .with("claims/2011-12-01-data.txt.xz", xz(CRAWL))
        .with("claims/2011-12-02-data.txt", CRAWL)
        .with("claims/notes.txt", "not a table, not matched: not read\n");
    let checked = check_fs(&fs);
    assert_eq!(
        codes(&checked),
        [Code::ConflictValue, Code::ConflictValue],
        "the arrival gates differ on each day: {:#?}",
        checked.findings
    );
    assert_eq!(checked.dataset.claims.len(), 8);
    let files = &checked.dataset.files;
    let claim = &checked.dataset.claims[1];
    assert_eq!(
        files.slice(claim.value_span),
        "D5",
        "spans point into the decompressed text"
    );
    assert_eq!(
        files.get(claim.span.file).display_path(),
        "claims/2011-12-01-data.txt.xz"
    );
    assert!(
        checked.findings[0].message.contains("day=2011-12-01-data"),
        "the stem drops `.txt.xz`: {}",
        checked.findings[0].message
    );
}

#[test]
fn without_a_format_a_file_named_as_no_table_is_not_read() {
    let fs = MemoryFs::new()
        .with("rules.toml", crawl_rules(""))
        .with("claims/2011-12-01-data.txt.xz", xz(CRAWL));
    let checked = check_fs(&fs);
    assert_eq!(
        codes(&checked),
        [Code::LoadUnknownName, Code::LoadNoClaims],
        "no claims, and the entry maps no table: {:#?}",
        checked.findings
    );
}

#[test]
fn a_declared_format_wins_over_the_name() {
    // Tab-separated cells with commas inside, in a file named `.csv`.
    let text = "source\tsubject\tproperty\tvalue\na\tParis, France\tpopulation\t2,100,000\n\
                b\tParis, France\tpopulation\t2,200,000\n";
    let rules = "[[table]]\nfiles = \"*.csv\"\nformat = \"tsv\"\nsource = \"source\"\n\
                 subject = \"subject\"\n";
    let long = MemoryFs::new().with("claims/export.csv", text);
    assert!(
        codes(&check_fs(&long)).contains(&Code::LoadMissing),
        "read as CSV, the header is one column"
    );
    let wide = "source\tsubject\tpopulation\na\tParis, France\t2,100,000\n\
                b\tParis, France\t2,200,000\n";
    let fs = MemoryFs::new()
        .with("rules.toml", rules)
        .with("claims/export.csv", wide);
    let checked = check_fs(&fs);
    assert_eq!(
        codes(&checked),
        [Code::ConflictNumber],
        "{:#?}",
        checked.findings
    );
}

#[test]
fn a_bad_format_is_reported_at_its_key() {
    let fs = MemoryFs::new()
        .with("rules.toml", crawl_rules("format = \"xls\"\n"))
        .with("claims/a.toml", "");
    let checked = check_fs(&fs);
    let bad = checked
        .findings
        .iter()
        .find(|f| f.message.contains("xls"))
        .unwrap_or_else(|| panic!("{:#?}", checked.findings));
    let files = &checked.dataset.files;
    assert_eq!(files.slice(bad.locations[0].span), "\"xls\"");
}

fn zoned(table_zone: &str, property_zone: &str) -> crate::Checked {
    let rules = format!(
        "[[property]]\nname = \"Scheduled departure\"\n{property_zone}\n\
         [[table]]\nfiles = \"crawl/*.tsv\"\nsource = \"Source\"\nsubject = \"Flight#\"\n\
         {table_zone}\n\
         [[table]]\nfiles = \"*.tsv\"\nsource = \"Source\"\nsubject = \"Flight#\"\n"
    );
    let crawl = "Source\tFlight#\tScheduled departure\n\
                 aa\tAA-1007-TPA-MIA\t12/13/2011 01:55 PM\n";
    let zoned = "Source\tFlight#\tScheduled departure\n\
                 airtravelcenter\tAA-1007-TPA-MIA\t12/13/11 1:55 PM (-05:00)\n";
    let fs = MemoryFs::new()
        .with("rules.toml", rules)
        .with("claims/crawl/aa.tsv", crawl)
        .with("claims/zoned.tsv", zoned);
    check_fs(&fs)
}

#[test]
fn a_tables_zone_places_its_local_times() {
    assert_eq!(
        codes(&zoned("", "")),
        [Code::TimeIncomparable],
        "a local time and a zoned one cannot be compared"
    );
    assert_eq!(
        codes(&zoned("zone = \"EST\"", "")),
        [],
        "13:55 EST is 13:55 -05:00"
    );
    let apart = zoned("zone = \"-06:00\"", "");
    assert_eq!(codes(&apart), [Code::ConflictDate], "{:#?}", apart.findings);
}

#[test]
fn a_tables_zone_comes_before_its_propertys() {
    assert_eq!(
        codes(&zoned("zone = \"-05:00\"", "zone = \"-08:00\"")),
        [],
        "the table's zone places the crawl's values"
    );
    assert_eq!(
        codes(&zoned("", "zone = \"-08:00\"")),
        [Code::ConflictDate],
        "without a table zone, the property's does"
    );
}

#[test]
fn a_tables_zone_that_is_none_is_reported_once() {
    let rules = "[[table]]\nfiles = \"*.tsv\"\nsource = \"Source\"\nsubject = \"Flight#\"\n\
                 zone = \"America/Chicago\"\n";
    let table = "Source\tFlight#\tDeparture\naa\tAA-1\t13:55\n";
    let fs = MemoryFs::new()
        .with("rules.toml", rules)
        .with("claims/a.tsv", table)
        .with("claims/b.tsv", table);
    let checked = check_fs(&fs);
    assert_eq!(codes(&checked), [Code::LoadType], "{:#?}", checked.findings);
    let files = &checked.dataset.files;
    assert_eq!(
        files.slice(checked.findings[0].locations[0].span),
        "\"America/Chicago\""
    );
}

#[test]
fn room_for_a_tables_claims_is_made_once() {
    use super::{Format, delimited::Dialect, read_with};
    let mut text = String::from("source\tsubject\tproperty\tvalue\n");
    for row in 0..1000 {
        writeln!(text, "s{row}\tsubject\tp\t{row}").unwrap();
    }
    let decoded = super::decode::decode(text.into_bytes());
    let mut problems = Vec::new();
    let file = crate::files::FileId(0);
    let input = read_with(
        file,
        "t",
        &decoded,
        Format::Delimited(Dialect::Tsv),
        None,
        &mut problems,
    );
    assert_eq!(input.claims.len(), 1000);
    assert!(
        input.claims.capacity() <= 1002,
        "at most a line's room too many, not a doubling: {}",
        input.claims.capacity()
    );
}
