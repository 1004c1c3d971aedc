//! `factcheck explain [CODE]`: the documentation of a finding code, or the list of codes.

use std::fmt::Write as _;

use crate::cli::ExplainArgs;
use crate::explain;
use crate::findings::Code;
use crate::suggest;

/// Prints the page of a code (`factcheck::` may be left out), or every code with its summary.
#[must_use]
pub fn run(args: &ExplainArgs) -> u8 {
    let Some(name) = args.code.as_deref() else {
        let mut list = String::new();
        for code in Code::ALL {
            let _ = writeln!(
                list,
                "{:<36} {:<8} {}",
                code.as_str(),
                code.default_severity(),
                code.summary()
            );
        }
        return print(&list);
    };
    let full = if name.starts_with("factcheck::") {
        name.to_owned()
    } else {
        format!("factcheck::{name}")
    };
    if let Some(code) = Code::parse(&full) {
        return print(&explain::page(code));
    }
    let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    super::fail(&format!(
        "no finding has the code `{name}`; {}",
        suggest::help_for(&full, &known, "code")
    ))
}

fn print(text: &str) -> u8 {
    match super::write_stdout(text) {
        Ok(()) => 0,
        Err(error) => super::fail(&format!("cannot write: {error}")),
    }
}
