//! `spanmark report`: the project's HTML report ([`crate::report`]) to stdout, or
//! written atomically to a file with `-o`, never over the project itself (through
//! [`super::claims::write_desk`], as the claims files are).

use crate::formats::desk::DeskExport;
use std::path::Path;

pub(super) fn run(path: &Path, output: Option<&Path>) -> anyhow::Result<()> {
    let Some((project, file, out)) =
        super::claims::write_desk(path, DeskExport::Report, output, "report")?
    else {
        return Ok(());
    };
    let documents = project.documents().len();
    let claims = file.claims;
    let s = |n: usize| if n == 1 { "" } else { "s" };
    eprintln!(
        "wrote the report ({documents} document{}, {claims} claim{}) to {}",
        s(documents),
        s(claims),
        out.display()
    );
    Ok(())
}
