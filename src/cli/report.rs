//! `spanmark report`: the project's HTML report ([`crate::report`]) to stdout, or
//! written atomically to a file with `-o`, never over the project itself.

use crate::store;
use anyhow::{anyhow, bail};
use std::io::Write as _;
use std::path::Path;

pub(super) fn run(path: &Path, output: Option<&Path>) -> anyhow::Result<()> {
    if let Some(out) = output
        && super::same_file(out, path)
    {
        bail!(
            "refusing to overwrite the project with its report: {}",
            out.display()
        );
    }
    let project = store::load(path)?;
    let html = crate::report::html(&project);
    let Some(out) = output else {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(html.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|err| anyhow!("cannot write to stdout ({err})"));
    };
    store::write_atomic(out, html.as_bytes(), false).map_err(|err| {
        anyhow!(
            "cannot write the report ({}): {}",
            crate::shown::io_error(&err),
            out.display()
        )
    })?;
    let claims = crate::model::claims::claims(&project).len();
    let documents = project.documents().len();
    let s = |n: usize| if n == 1 { "" } else { "s" };
    eprintln!(
        "wrote the report ({documents} document{}, {claims} claim{}) to {}",
        s(documents),
        s(claims),
        out.display()
    );
    Ok(())
}
