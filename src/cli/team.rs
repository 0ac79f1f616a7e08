//! The team's commands: `assign` shares a project among coders (one file each, with a
//! reliability sample every coder gets); `merge` makes a curated project of the spans
//! enough coders agree on and lists the rest.

use crate::agree::assign::assign;
use crate::agree::merge::merge;
use crate::agree::study::Coder;
use crate::model::Project;
use crate::store;
use anyhow::{anyhow, bail};
use std::path::{Path, PathBuf};

/// `20%`, `20` or `0.2` as a share between 0 and 1.
pub(super) fn parse_share(text: &str) -> Result<f64, String> {
    let bad = || format!("{text:?} is not a share (write it as 20% or 0.2)");
    let (number, percent) = match text.trim().strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (text.trim(), false),
    };
    let value: f64 = number.parse().map_err(|_| bad())?;
    let share = if percent || value > 1.0 {
        value / 100.0
    } else {
        value
    };
    if !(0.0..=1.0).contains(&share) {
        return Err(bad());
    }
    Ok(share)
}

pub(super) fn run_assign(
    path: &Path,
    coders: &[String],
    overlap: f64,
    seed: u64,
    keep_spans: bool,
    dir: &Path,
) -> anyhow::Result<()> {
    let project = store::load(path)?;
    let shares = assign(&project, coders, overlap, seed, keep_spans)
        .map_err(|err| anyhow!("{err}: {}", path.display()))?;
    for share in &shares {
        let file = dir.join(format!("{}.ron", share.coder));
        if file.exists() {
            bail!("refusing to overwrite an existing file: {}", file.display());
        }
    }
    std::fs::create_dir_all(dir)
        .map_err(|err| anyhow!("cannot create folder ({err}): {}", dir.display()))?;
    for share in &shares {
        let file = dir.join(format!("{}.ron", share.coder));
        store::save_new(&share.project, &file)?;
        println!(
            "wrote {}: {} documents ({} shared by every coder, {} of its own)",
            file.display(),
            share.project.documents().len(),
            share.shared,
            share.own
        );
    }
    println!("seed {seed}: the same command with this seed writes the same shares");
    Ok(())
}

pub(super) fn run_merge(
    files: &[std::path::PathBuf],
    min_coders: usize,
    out: &Path,
    coder: Option<String>,
) -> anyhow::Result<()> {
    let who = coder.unwrap_or_else(crate::session::default_coder);
    let when = crate::shown::utc_second(std::time::SystemTime::now());
    if files.len() < 2 {
        bail!("merging needs the files of at least two coders");
    }
    if min_coders == 0 || min_coders > files.len() {
        bail!(
            "--min-coders must be between 1 and the number of files ({})",
            files.len()
        );
    }
    if out.exists() {
        bail!("refusing to overwrite an existing file: {}", out.display());
    }
    let projects = load_coders(files)?;
    let coders = coders(&projects);
    let name = out.file_stem().map_or_else(
        || "Curated".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let merged = merge(&coders, min_coders, &name, Some((&who, &when)))
        .map_err(|err| anyhow!("cannot merge ({err})"))?;
    store::save_new(&merged.project, out)?;
    println!(
        "wrote {}: {} spans that at least {min_coders} coders gave, in {} documents; {} left for adjudication",
        out.display(),
        merged.spans,
        merged.project.documents().len(),
        merged.open.len()
    );
    for o in &merged.open {
        println!(
            "{}\t{}\t{}\t{}\t{:?}\t{}\t{}",
            o.document,
            o.label,
            o.range.start,
            o.range.end,
            o.text,
            o.coders.join(","),
            o.reason
        );
    }
    Ok(())
}

/// `spanmark adjudicate`: the window on `curated` with the coders' files as layers. A
/// curated file that does not exist is made first: every coder's text once, the labels
/// of all coders, no spans (a merge that requires more coders than there are).
pub(super) fn run_adjudicate(
    curated: &Path,
    files: &[PathBuf],
    coder: Option<String>,
) -> anyhow::Result<()> {
    if files.iter().any(|f| same_path(f, curated)) {
        bail!(
            "the curated project cannot also be a coder's file: {}",
            curated.display()
        );
    }
    if !curated.exists() {
        let projects = load_coders(files)?;
        let name = curated.file_stem().map_or_else(
            || "Curated".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let merged = merge(&coders(&projects), usize::MAX, &name, None)
            .map_err(|err| anyhow!("cannot make the curated project ({err})"))?;
        store::save_new(&merged.project, curated)?;
        println!(
            "wrote {}: the {} texts of the coders' files, no spans yet",
            curated.display(),
            merged.project.documents().len()
        );
    }
    let mut config = crate::app::Config::new(vec![curated.to_path_buf()]);
    config.layers = files.to_vec();
    config.coder = coder;
    crate::app::run(config)
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The coders' files, each named by its file name without `.ron`; two files of one
/// name are refused (their figures could not be told apart).
pub(super) fn load_coders(files: &[PathBuf]) -> anyhow::Result<Vec<(String, Project)>> {
    let mut projects: Vec<(String, Project)> = Vec::with_capacity(files.len());
    for file in files {
        let name = file.file_stem().map_or_else(
            || file.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        if projects.iter().any(|(other, _)| *other == name) {
            bail!(
                "two files are named {name}; give each coder's file its own name: {}",
                file.display()
            );
        }
        projects.push((name, store::load(file)?));
    }
    Ok(projects)
}

/// The loaded files as the agreement functions take them.
pub(super) fn coders(projects: &[(String, Project)]) -> Vec<Coder<'_>> {
    projects
        .iter()
        .map(|(name, project)| Coder {
            name: name.clone(),
            project,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse_share;

    #[test]
    fn shares_read_as_percent_or_fraction() {
        assert_eq!(parse_share("20%"), Ok(0.2));
        assert_eq!(parse_share("20"), Ok(0.2));
        assert_eq!(parse_share("0.25"), Ok(0.25));
        assert_eq!(parse_share("100%"), Ok(1.0));
        assert!(parse_share("120%").is_err());
        assert!(parse_share("lots").is_err());
    }
}
