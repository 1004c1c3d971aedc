//! `factcheck explain [CODE]`: the documentation of a finding code, or the list of codes.

use std::fmt::Write as _;

use crate::cli::ExplainArgs;
use crate::explain;
use crate::findings::Code;
use crate::suggest;

/// One line per code: the code, its default severity and its summary.
fn listing(codes: impl Iterator<Item = Code>) -> String {
    let mut list = String::new();
    for code in codes {
        let _ = writeln!(
            list,
            "{:<36} {:<8} {}",
            code.as_str(),
            code.default_severity(),
            code.summary()
        );
    }
    list
}

/// Prints the page of a code (`factcheck::` may be left out), or every code with its summary.
#[must_use]
pub fn run(args: &ExplainArgs) -> u8 {
    let Some(name) = args.code.as_deref() else {
        return print(&listing(Code::ALL.iter().copied()));
    };
    let name = name.trim().to_ascii_lowercase();
    let name = name.trim_end_matches("::*").trim_end_matches("::");
    if name.is_empty() {
        return super::fail(
            "give a code (`factcheck explain conflict::date`), or none to list them all",
        );
    }
    let full = if name == "factcheck" || name.starts_with("factcheck::") {
        name.to_owned()
    } else {
        format!("factcheck::{name}")
    };
    if let Some(code) = Code::parse(&full) {
        return print(&explain::page(code));
    }
    // A namespace (`factcheck::load`): its codes, each with its summary.
    let prefix = format!("{full}::");
    let mut list = listing(
        Code::ALL
            .iter()
            .copied()
            .filter(|code| code.as_str().starts_with(&prefix)),
    );
    if !list.is_empty() {
        list.push_str("\n`factcheck explain CODE` explains one of them.\n");
        return print(&list);
    }
    super::fail(&format!(
        "no finding has the code `{name}`; {}",
        suggest::code_help(&full)
    ))
}

fn print(text: &str) -> u8 {
    match super::write_stdout(text) {
        Ok(()) => 0,
        Err(error) => super::fail(&format!("cannot write: {error}")),
    }
}
