//! The `factcheck` command.

fn main() {}
