use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::files::Files;
use crate::fs::MemoryFs;
use crate::load::{Access, Request, RulesPath};
use crate::triage::Policy;

fn read_as(text: &str, format: Format) -> (ClaimsInput, Vec<Finding>) {
    read_bytes(text.as_bytes(), format)
}

fn read_bytes(bytes: &[u8], format: Format) -> (ClaimsInput, Vec<Finding>) {
    let decoded = decode::decode(bytes.to_vec());
    let mut problems = Vec::new();
    let input = read(FileId(0), "stem", &decoded, format, &mut problems);
    (input, problems)
}

const CSV: Format = Format::Delimited(Dialect::Csv);
const TSV: Format = Format::Delimited(Dialect::Tsv);

fn source_of(claim: &ClaimRecord) -> &str {
    match &claim.source {
        SourceRef::Id(id) => &id.value,
        SourceRef::File => "",
    }
}

fn codes(problems: &[Finding]) -> Vec<Code> {
    problems.iter().map(|p| p.code).collect()
}

fn located(text: &str, problem: &Finding) -> String {
    text[problem.locations[0].span.range()].to_owned()
}

#[test]
fn a_csv_row_is_a_claim_whose_cells_keep_their_spans() {
    let text = "Source,SUBJECT,property,value,id,quote,qualifier.fiscal year\n\
                imf,Japan,\"gdp, nominal\",\"4.2 \"\"trillion\"\"\",,,2019\n\
                wb,Japan,gdp,4.1,g1,\"it said so\",\n";
    let (input, problems) = read_as(text, CSV);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(input.claims.len(), 2);
    let first = &input.claims[0];
    assert_eq!(source_of(first), "imf");
    assert_eq!(&*first.property.value, "gdp, nominal");
    assert_eq!(&*first.value.value, "4.2 \"trillion\"");
    assert_eq!(&text[first.value.span.range()], "\"4.2 \"\"trillion\"\"\"");
    assert_eq!(first.id, None, "an empty optional cell is no id");
    assert_eq!(first.qualifiers.len(), 1);
    assert_eq!(&*first.qualifiers[0].0.value, "fiscal year");
    assert_eq!(&*first.qualifiers[0].1.value, "2019");
    assert_eq!(&text[first.span.range()], text.lines().nth(1).unwrap());
    let second = &input.claims[1];
    assert_eq!(second.id.as_ref().map(|i| &*i.value), Some("g1"));
    assert!(
        second.qualifiers.is_empty(),
        "an empty qualifier cell is none"
    );
    assert_eq!(
        (first.origin.ordinal, second.origin.ordinal),
        (1, 2),
        "rows are counted from the first after the header"
    );
}

#[test]
fn repeated_strings_are_shared_not_copied() {
    let text = "source,subject,property,value\na,Japan,gdp,1\na,Japan,gdp,2\n";
    let (input, _) = read_as(text, CSV);
    let [one, two] = &input.claims[..] else {
        panic!("two claims");
    };
    assert!(Arc::ptr_eq(&one.subject.value, &two.subject.value));
    assert!(Arc::ptr_eq(&one.property.value, &two.property.value));
}

#[test]
fn without_a_source_column_rows_belong_to_the_files_stem() {
    let (input, problems) = read_as("subject\tproperty\tvalue\nX\tp\t\"1\"\n", TSV);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(source_of(&input.claims[0]), "stem");
    assert_eq!(&*input.claims[0].value.value, "\"1\"", "TSV has no quoting");
}

#[test]
fn every_bad_row_is_located_and_the_rest_still_load() {
    let text = "source,subject,property,value\n\
                a,X,p,1\n\
                a,X,p,1,extra\n\
                a,\"X\"Y,p,1\n\
                a,X,p,caf\u{FFFD}\n\
                a,Y,p,2\n\
                a,X\n\
                a,Z,p,\"never closed\n\
                a,W,p,3\n";
    // A real invalid byte, not the replacement character written out.
    let bytes = text.replace('\u{FFFD}', "\u{1}").into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 1 { 0xFF } else { b })
        .collect();
    let (input, problems) = read_bytes(&bytes, CSV);
    let subjects: Vec<&str> = input.claims.iter().map(|c| &*c.subject.value).collect();
    assert_eq!(subjects, ["X", "Y", "W"]);
    assert_eq!(
        codes(&problems),
        [
            Code::LoadRow,
            Code::LoadRow,
            Code::LoadEncoding,
            Code::LoadRow,
            Code::LoadRow
        ]
    );
    let decoded = decode::decode(bytes);
    let at = |i: usize| located(&decoded.text, &problems[i]);
    assert_eq!(at(0), "a,X,p,1,extra");
    assert!(problems[0].message.contains("5 cells, the header has 4"));
    assert_eq!(at(1), "Y", "text after the closing quote");
    assert_eq!(at(2), "\u{FFFD}");
    assert_eq!(at(3), "a,X");
    assert_eq!(at(4), "\"", "the quote that is never closed");
}

#[test]
fn unknown_columns_are_reported_with_a_suggestion_and_ignored() {
    let text = "source,subject,property,value,qualifer.year\na,X,p,1,2019\n";
    let (input, problems) = read_as(text, CSV);
    assert_eq!(codes(&problems), [Code::LoadUnknownKey]);
    assert_eq!(located(text, &problems[0]), "qualifer.year");
    assert!(
        problems[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("qualifier.KEY")),
        "{:?}",
        problems[0].help
    );
    assert_eq!(input.claims.len(), 1);
    assert!(input.claims[0].qualifiers.is_empty());
}

#[test]
fn a_header_without_a_required_column_reads_no_row() {
    let text = "source,subject,property,vlaue\na,X,p,1\n";
    let (input, problems) = read_as(text, CSV);
    assert_eq!(codes(&problems), [Code::LoadUnknownKey, Code::LoadMissing]);
    assert_eq!(
        problems[0]
            .help
            .as_deref()
            .map(|h| h.starts_with("did you mean `value`?")),
        Some(true)
    );
    assert!(problems[1].message.contains("no `value` column"));
    assert!(input.claims.is_empty());

    let (_, problems) = read_as("", CSV);
    assert_eq!(codes(&problems), [Code::LoadMissing]);
    let (input, problems) = read_as("subject,value,property,Value\nX,1,p,2\n", CSV);
    assert_eq!(codes(&problems), [Code::LoadRow], "a column named twice");
    assert_eq!(&*input.claims[0].value.value, "1", "the first one counts");
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_column() {
    let (input, problems) = read_as("\u{FEFF}subject,property,value\nX,p,1\n", CSV);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(input.claims.len(), 1);
}

#[test]
fn json_lines_keep_value_places_and_read_scalars_as_written() {
    let text = "{\"source\": \"a\", \"subject\": \"X\", \"property\": \"p\", \"value\": 1_0}\n\
                {\"source\": \"a\", \"subject\": \"X\", \"property\": \"p\", \"value\": 2.50, \
                \"qualifiers\": {\"year\": 2019}, \"cites\": null}\n\
                \n\
                {\"Source\": \"b\", \"subject\": \"Y\", \"property\": \"p\", \"value\": true, \"colour\": 1}\n\
                {\"source\": \"b\", \"subject\": \"Y\", \"property\": \"p\", \"value\": [1, 2]}\n\
                [1, 2]\n\
                {\"source\": \"b\", \"subject\": \"Y\", \"property\": \"p\", \"colour\": 2}\n\
                {\"source\": \"c\", \"subject\": \"Z\", \"property\": \"p\", \"value\": \"x\\u0007y\"}\n";
    let (input, problems) = read_as(text, Format::JsonLines);
    assert_eq!(
        codes(&problems),
        [
            Code::LoadRow,
            Code::LoadUnknownKey,
            Code::LoadType,
            Code::LoadRow,
            Code::LoadMissing
        ]
    );
    // `1_0` is not JSON: the first line is a bad row, located at the underscore.
    assert_eq!(located(text, &problems[0]), "_");
    assert_eq!(located(text, &problems[1]), "1", "reported once per file");
    assert_eq!(located(text, &problems[2]), "[1, 2]");
    assert!(problems[4].message.contains("no `value`"));
    let values: Vec<&str> = input.claims.iter().map(|c| &*c.value.value).collect();
    assert_eq!(values, ["2.50", "true", "x\u{7}y"]);
    assert_eq!(&text[input.claims[0].value.span.range()], "2.50");
    assert_eq!(&*input.claims[0].qualifiers[0].1.value, "2019");
    assert_eq!(input.claims[0].cites, None, "null is an absent cell");
    assert_eq!(source_of(&input.claims[1]), "b", "keys ignore case");
}

#[test]
fn hostile_cells_do_not_panic() {
    let long = "x".repeat(1 << 20);
    let texts = [
        format!("subject,property,value\n{long},p,1\n"),
        "subject,property,value\n\u{0},\u{1b}[31m,\u{202e}\n".to_owned(),
        "subject,property,value\n\"\"\"\n".to_owned(),
        ",,,,\n,,,\n".to_owned(),
        "\"".to_owned(),
    ];
    for text in &texts {
        for format in [CSV, TSV, Format::JsonLines] {
            let _ = read_as(text, format);
        }
    }
    let (input, _) = read_as(&texts[0], CSV);
    assert_eq!(input.claims[0].subject.value.len(), 1 << 20);

    // Too many columns or keys: one bounded finding, not a cell per comma.
    let wide_header = format!("subject,property,value{}\n", ",x".repeat(5000));
    let (_, problems) = read_as(&wide_header, CSV);
    assert_eq!(codes(&problems), [Code::LoadRow]);
    assert!(
        problems[0].message.contains("more than the 4096"),
        "{problems:?}"
    );
    let wide_row = format!(
        "subject,property,value\nX,p,1\n{}\nY,p,2\n",
        ",".repeat(1 << 20)
    );
    let (input, problems) = read_as(&wide_row, CSV);
    assert_eq!(input.claims.len(), 2);
    assert!(
        problems[0]
            .message
            .contains("1048577 cells, the header has 3"),
        "{problems:?}"
    );
    let keys = (0..5000).fold(String::new(), |mut keys, i| {
        let _ = write!(keys, "\"k{i}\": 1, ");
        keys
    });
    let (_, problems) = read_as(
        &format!("{{{keys}\"subject\": \"X\"}}\n"),
        Format::JsonLines,
    );
    assert_eq!(codes(&problems), [Code::LoadRow]);
    assert!(
        problems[0].message.contains("more than 4096 keys"),
        "{problems:?}"
    );
}

#[test]
fn kinds_come_from_file_names() {
    let kind = |name: &str| Kind::of(Path::new(name));
    assert_eq!(kind("a.csv").map(|k| k.format), Some(CSV));
    assert_eq!(
        kind("a.TSV.zst"),
        Some(Kind {
            format: TSV,
            compression: Compression::Zstd
        })
    );
    assert_eq!(
        kind("a.ndjson.gz").map(|k| k.format),
        Some(Format::JsonLines)
    );
    assert_eq!(kind("a.toml"), None);
    assert_eq!(kind("a.gz"), None);
    assert_eq!(Kind::stem(Path::new("dir/rows.jsonl.gz")), "rows");
}

fn pipeline(fs: &MemoryFs) -> crate::Checked {
    pipeline_of(fs, "claims")
}

fn pipeline_of(fs: &MemoryFs, claims: &str) -> crate::Checked {
    let request = Request {
        claims_dir: claims.into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
        access: Access::default(),
    };
    crate::check_in(fs, &request, &Policy::default(), &mut |_| {})
}

fn gzip(text: &str) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

#[test]
fn tables_and_toml_files_are_checked_together() {
    let toml = "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"Mill\"\n\
                property = \"built\"\nvalue = \"1870\"\n";
    let fs = MemoryFs::new()
        .with("claims/toml-source.toml", toml)
        .with(
            "claims/rows.csv",
            "source,subject,property,value\ncensus,Mill,built,1870\ngazette,Mill,built,1902\n",
        )
        .with(
            "claims/more.jsonl.gz",
            gzip("{\"source\": \"census\", \"subject\": \"Lab\", \"property\": \"built\", \"value\": \"1950\"}\n"),
        );
    let checked = pipeline(&fs);
    let codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::ConflictDate], "{:#?}", checked.findings);
    let ids: Vec<&str> = checked
        .dataset
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["toml-source", "census", "gazette"]);
    assert_eq!(checked.dataset.claims.len(), 4);
    let files: &Files = &checked.dataset.files;
    let conflict = &checked.findings[0];
    let places: Vec<String> = conflict
        .locations
        .iter()
        .map(|l| {
            format!(
                "{}:{}",
                files.get(l.span.file).display_path(),
                files.start(l.span)
            )
        })
        .collect();
    assert!(
        places.contains(&"claims/rows.csv:3:20".to_owned()),
        "the cell's line and column: {places:?}"
    );
}

#[test]
fn a_corrupt_compressed_table_is_a_located_io_problem() {
    let toml = "[source]\ntitle = \"T\"\npublisher = \"P\"\n";
    let fs = MemoryFs::new()
        .with("claims/a.toml", toml)
        .with("claims/b.csv.zst", "not zstd at all");
    let checked = pipeline(&fs);
    assert_eq!(checked.findings.len(), 1, "{:#?}", checked.findings);
    assert_eq!(checked.findings[0].code, Code::LoadIo);
    assert!(checked.findings[0].message.contains("claims/b.csv.zst"));
}

/// A cell as a CSV writer would write it: quoted when it must be.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.trim() != text {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

proptest! {
    #[test]
    fn every_good_row_becomes_one_claim(
        rows in prop::collection::vec(
            (
                "[a-c]{1,3}",
                "[^\u{0}-\u{1f}\u{feff}]{1,12}",
                "[a-z ,\"\n]{1,8}",
                "[^\u{feff}]{1,10}",
            ),
            0..20,
        )
    ) {
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|(_, subject, property, value)| {
                [subject, property, value].iter().all(|c| !c.trim().is_empty())
            })
            .collect();
        let mut text = String::from("source,subject,property,value\n");
        for (source, subject, property, value) in &rows {
            let cells = [source, subject, property, value].map(|c| csv_cell(c));
            text.push_str(&cells.join(","));
            text.push_str("\r\n");
        }
        let (input, problems) = read_as(&text, CSV);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(input.claims.len(), rows.len());
        for (claim, (source, subject, property, value)) in input.claims.iter().zip(&rows) {
            prop_assert_eq!(source_of(claim), source.as_str());
            prop_assert_eq!(&*claim.subject.value, subject.as_str());
            prop_assert_eq!(&*claim.property.value, property.as_str());
            prop_assert_eq!(&*claim.value.value, value.as_str());
        }
    }
}

#[test]
fn the_sources_table_describes_sources_rows_name() {
    let fs = MemoryFs::new()
        .with(
            "claims/rows.csv",
            "source,subject,property,value,quote\n\
             herald,Mill,built,1870,built in 1870 by the canal\n\
             herald,Mill,height,31 m,the mill stands 31 m high\n\
             gazette,Mill,built,1870,\n",
        )
        .with(
            "claims/herald.toml",
            "[source]\nid = \"dup\"\ntitle = \"T\"\npublisher = \"P\"\n",
        )
        .with(
            "sources.csv",
            "id,title,publisher,text,derived_from\n\
             herald,The Herald,Herald Co,sources/herald.txt,\n\
             gazette,The Gazette,,,herald\n\
             dup,Again,,,\n",
        )
        .with(
            "sources/herald.txt",
            "The mill was built in 1870 by the canal.",
        );
    let checked = pipeline(&fs);
    let mut codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    codes.sort();
    assert_eq!(
        codes,
        [Code::QuoteNotFound, Code::LoadDuplicateSource],
        "the first quote is in the text, the second is not: {:#?}",
        checked.findings
    );
    assert!(
        checked
            .findings
            .iter()
            .any(|f| f.message.contains("`dup` is declared twice"))
    );
    let sources = &checked.dataset.sources;
    let herald = sources.iter().find(|s| s.id == "herald").unwrap();
    assert_eq!(herald.title, "The Herald");
    assert_eq!(herald.publisher, "Herald Co");
    let gazette = sources.iter().find(|s| s.id == "gazette").unwrap();
    let herald_ix = sources.iter().position(|s| s.id == "herald").unwrap();
    assert_eq!(
        gazette.derived_from,
        [crate::model::SourceIx(u32::try_from(herald_ix).unwrap())]
    );
}

#[test]
fn a_table_named_on_the_command_line_is_the_dataset() {
    let fs = MemoryFs::new()
        .with(
            "data/rows.tsv",
            "source\tsubject\tproperty\tvalue\na\tMill\tbuilt\t1870\nb\tMill\tbuilt\t1902\n",
        )
        .with(
            "data/other.csv",
            "source,subject,property,value\nc,Mill,built,1870\n",
        )
        .with("data/sources.csv", "id,title\na,Alpha\n");
    let checked = pipeline_of(&fs, "data/rows.tsv");
    let codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::ConflictDate], "{:#?}", checked.findings);
    assert_eq!(checked.dataset.claims.len(), 2, "only the file named");
    assert_eq!(
        checked.dataset.sources[0].title, "Alpha",
        "the sources table beside it"
    );

    let refused = pipeline_of(&MemoryFs::new().with("notes.txt", "x"), "notes.txt");
    assert_eq!(refused.findings[0].code, Code::LoadIo);
}

const CRAWL_RULES: &str = "[[table]]\nfiles = \"crawl/*.tsv\"\nsource = \"Source\"\n\
    subject = \"Flight#\"\nqualifiers = [\"Gate\"]\nignore = [\"Note\"]\n\
    qualifier = { crawl_day = \"{stem}\" }\n";

#[test]
fn a_wide_table_is_mapped_by_its_table_entry() {
    let fs = MemoryFs::new()
        .with("rules.toml", CRAWL_RULES)
        .with(
            "claims/crawl/2011-12-01.tsv",
            "Source\tFlight#\tStatus\tTerminal\tGate\tNote\n\
             aa\tAA-1007\tLanded\t3\tB5\tx\n\
             orbitz\tAA-1007\tCancelled\t3\t\t\n\
             orbitz\t\tLanded\t3\t\t\n",
        )
        .with(
            "claims/crawl/2011-12-02.tsv",
            "Source\tFlight#\tStatus\tTerminal\tGate\tNote\naa\tAA-1007\tDiverted\t\t\t\n",
        );
    let checked = pipeline(&fs);
    let mut codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    codes.sort();
    assert_eq!(
        codes,
        [Code::ConflictValue, Code::LoadEmpty],
        "the row without a subject, and one conflict: the days are apart {:#?}",
        checked.findings
    );
    assert!(checked.findings[0].message.contains("crawl day=2011-12-01"));
    // Two claims per full row (Status, Terminal), one for the second day's row.
    assert_eq!(checked.dataset.claims.len(), 5);
    let dataset = &checked.dataset;
    let claim = &dataset.claims[0];
    assert_eq!(dataset.files.slice(claim.property.span), "Status");
    assert_eq!(dataset.files.slice(claim.value_span), "Landed");
    let keys: Vec<&str> = claim
        .qualifiers
        .iter()
        .map(|q| dataset.qualifier_keys[q.key.0 as usize].as_str())
        .collect();
    assert_eq!(keys.len(), 2, "the Gate cell and the crawl day: {keys:?}");
}

#[test]
fn a_table_entry_that_does_not_fit_is_reported_where_it_is_written() {
    let rules = "[[table]]\nfiles = \"crawl/*.tsv\"\nsubject = \"Flight\"\n\
                 properties = [\"Status\"]\n\n[[table]]\nfiles = \"nowhere/*.csv\"\n\
                 subject = \"x\"\n";
    let fs = MemoryFs::new().with("rules.toml", rules).with(
        "claims/crawl/a.tsv",
        "Flight#\tStatus\tTerminal\nAA-1\tLanded\t3\n",
    );
    let checked = pipeline(&fs);
    let mut found: Vec<(Code, String)> = checked
        .findings
        .iter()
        .map(|f| (f.code, f.message.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                Code::LoadUnknownKey,
                "the column `Flight#` is in no role of its [[table]]".to_owned()
            ),
            (
                Code::LoadUnknownKey,
                "the column `Terminal` is in no role of its [[table]]".to_owned()
            ),
            (
                Code::LoadMissing,
                "this table has no column `Flight`, which its [[table]] names".to_owned()
            ),
            (
                Code::LoadUnknownName,
                "no table file matches `nowhere/*.csv`".to_owned()
            ),
        ]
    );
    let missing = checked
        .findings
        .iter()
        .find(|f| f.code == Code::LoadMissing)
        .unwrap();
    assert_eq!(missing.help.as_deref(), Some("did you mean `Flight#`?"));
    let files = &checked.dataset.files;
    assert_eq!(
        files.get(missing.locations[1].span.file).display_path(),
        "rules.toml",
        "the entry is pointed at too"
    );
}

#[test]
fn an_unreadable_value_of_a_typed_property_is_located_at_its_cell() {
    let fs = MemoryFs::new()
        .with(
            "rules.toml",
            "[[property]]\nname = \"opened\"\ntype = \"date\"\n",
        )
        .with(
            "claims/rows.csv",
            "source,subject,property,value\na,Lab,opened,1950\nb,Lab,opened,the Cold War\nc,Lab,opened,1950\n",
        );
    let checked = pipeline(&fs);
    let codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::LoadDate], "{:#?}", checked.findings);
    let files = &checked.dataset.files;
    let span = checked.findings[0].locations[0].span;
    assert_eq!(files.slice(span), "the Cold War");
    assert_eq!(files.start(span).to_string(), "3:14");
    assert_eq!(
        checked.dataset.claims.len(),
        2,
        "the other rows are checked"
    );
}

proptest! {
    #[test]
    fn every_good_json_line_becomes_one_claim(
        rows in prop::collection::vec(
            ("[a-c]{1,3}", "\\PC{1,12}", "[^\u{feff}]{1,10}", any::<Option<i32>>()),
            0..20,
        )
    ) {
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|(_, subject, value, _)| !subject.trim().is_empty() && !value.trim().is_empty())
            .collect();
        let mut text = String::new();
        for (source, subject, value, year) in &rows {
            let mut object = serde_json::json!({
                "source": source, "subject": subject, "property": "p", "value": value,
            });
            if let Some(year) = year {
                object["qualifier.year"] = serde_json::json!(year);
            }
            text.push_str(&object.to_string());
            text.push('\n');
        }
        let (input, problems) = read_as(&text, Format::JsonLines);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(input.claims.len(), rows.len());
        for (claim, (source, subject, value, year)) in input.claims.iter().zip(&rows) {
            prop_assert_eq!(source_of(claim), source.as_str());
            prop_assert_eq!(&*claim.subject.value, subject.as_str());
            prop_assert_eq!(&*claim.value.value, value.as_str());
            let written: Vec<String> = claim.qualifiers.iter().map(|(_, v)| v.value.to_string()).collect();
            prop_assert_eq!(written, year.iter().map(ToString::to_string).collect::<Vec<_>>());
        }
    }
}

#[test]
fn a_table_without_a_header_is_named_by_its_entry() {
    let rules = "[[table]]\nfiles = \"*-data.tsv\"\n\
                 columns = [\"Source\", \"Flight#\", \"Departure gate\", \"Arrival gate\"]\n\
                 subject = \"Flight#\"\nqualifier = { day = \"{stem}\" }\n";
    let fs = MemoryFs::new().with("rules.toml", rules).with(
        "claims/2011-12-01-data.tsv",
        "aa\tAA-1007-TPA-MIA\tB5\tD12\norbitz\tAA-1007-TPA-MIA\tB5\tD14\nbad\trow\n",
    );
    let checked = pipeline(&fs);
    let mut codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    codes.sort();
    assert_eq!(
        codes,
        [Code::ConflictValue, Code::LoadRow],
        "{:#?}",
        checked.findings
    );
    let files = &checked.dataset.files;
    let row = checked
        .findings
        .iter()
        .find(|f| f.code == Code::LoadRow)
        .unwrap();
    assert_eq!(files.start(row.locations[0].span).to_string(), "3:1");
    assert_eq!(checked.dataset.claims.len(), 4, "the first line is a row");
    let property = checked.dataset.claims[0].property.span;
    assert_eq!(
        files.slice(property),
        "\"Departure gate\"",
        "named in rules.toml"
    );
}

#[test]
fn an_id_a_source_gives_twice_across_tables_is_reported() {
    let fs = MemoryFs::new()
        .with("claims/a.csv", "source,id,subject,property,value\nherald,c1,Lab,opened,1950\n")
        .with("claims/b.csv", "source,id,subject,property,value\nherald,c1,Mill,built,1870\ngazette,c1,Mill,built,1870\n");
    let checked = pipeline(&fs);
    let codes: Vec<Code> = checked.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::LoadDuplicateId], "{:#?}", checked.findings);
    assert!(
        checked.findings[0]
            .message
            .contains("two claims of `herald`")
    );
    let files = &checked.dataset.files;
    let places: Vec<String> = checked.findings[0]
        .locations
        .iter()
        .map(|l| files.get(l.span.file).display_path())
        .collect();
    assert_eq!(places, ["claims/b.csv", "claims/a.csv"]);
}

#[test]
fn a_table_entry_types_its_columns() {
    let table = "Source\tFlight#\tTerminal\naa\tAA-1\t3\norbitz\tAA-1\t03\n";
    let rules = |types: &str| {
        format!("[[table]]\nfiles = \"*.tsv\"\nsource = \"Source\"\nsubject = \"Flight#\"\n{types}")
    };
    let check = |rules: &str| {
        let fs = MemoryFs::new()
            .with("rules.toml", rules)
            .with("claims/day.tsv", table);
        let checked = pipeline(&fs);
        checked.findings.iter().map(|f| f.code).collect::<Vec<_>>()
    };
    assert_eq!(check(&rules("")), [], "3 and 03 are one number");
    assert_eq!(
        check(&rules("types = { Terminal = \"text\" }\n")),
        [Code::ConflictValue],
        "as text they differ"
    );
    assert_eq!(
        check(&rules("types = { Termnal = \"text\" }\n")),
        [Code::LoadMissing],
        "a typed column the table lacks"
    );
}
