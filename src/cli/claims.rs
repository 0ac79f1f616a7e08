//! `spanmark claims PROJECT [--format csv|claimreview] [-o FILE]`: the fact-check
//! desk's exports from the command line. The claims CSV (every claim, a row each) or
//! the checked claims as ClaimReview JSON-LD, to stdout or atomically to a file, with
//! what was left out on stderr, a line each. `spanmark report` writes through the same
//! [`write_desk`].

use crate::formats::desk::{DeskExport, DeskFile};
use crate::model::Project;
use crate::store;
use anyhow::{anyhow, bail};
use std::io::Write;
use std::path::Path;

/// What `spanmark claims` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    /// Every claim, a row each: status, verdict, claimant, sources, figures, article.
    Csv,
    /// The checked claims as schema.org ClaimReview JSON-LD, for a fact-check page.
    #[value(name = "claimreview")]
    ClaimReview,
}

pub(super) fn run(path: &Path, format: ClaimsFormat, output: Option<&Path>) -> anyhow::Result<()> {
    let export = match format {
        ClaimsFormat::Csv => DeskExport::ClaimsCsv,
        ClaimsFormat::ClaimReview => DeskExport::ClaimReview,
    };
    if let Some((_, file, out)) = write_desk(path, export, output, "claims")? {
        eprintln!(
            "wrote {} to {}",
            export.count_phrase(file.claims),
            out.display()
        );
    }
    Ok(())
}

/// Writes desk file `export` of the project at `path` to stdout, or atomically to
/// `output` (never over the project itself), its notes on stderr; `what` names it in
/// messages (`claims`, `report`). Gives back what was written to a file, for the
/// caller's last line.
pub(super) fn write_desk<'a>(
    path: &Path,
    export: DeskExport,
    output: Option<&'a Path>,
    what: &str,
) -> anyhow::Result<Option<(Project, DeskFile, &'a Path)>> {
    if let Some(out) = output
        && super::same_file(out, path)
    {
        bail!(
            "refusing to overwrite the project with its {what}: {}",
            out.display()
        );
    }
    let project = store::load(path)?;
    let file = export
        .render(&project)
        .map_err(|err| anyhow!("{err}: {}", path.display()))?;
    for note in &file.notes {
        eprintln!("note: {note}");
    }
    let Some(out) = output else {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&file.bytes)
            .and_then(|()| stdout.flush())
            .map_err(|err| anyhow!("cannot write to stdout ({err})"))?;
        return Ok(None);
    };
    store::write_atomic(out, &file.bytes, false).map_err(|err| {
        anyhow!(
            "cannot write the {what} ({}): {}",
            crate::shown::io_error(&err),
            out.display()
        )
    })?;
    Ok(Some((project, file, out)))
}
