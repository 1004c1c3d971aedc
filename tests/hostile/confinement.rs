//! Confinement: nothing outside the dataset root is read or shown; walks never loop; special
//! files are refused; every unreadable part is one finding and the rest is still checked.

use crate::util::{Case, claims};

#[test]
fn a_plain_dataset_still_checks() {
    let case = Case::new();
    case.write("claims/a.toml", claims("Japan", "capital", "Tokyo"));
    case.run(&["check"]).assert_status(0).assert_no_secret();
}
