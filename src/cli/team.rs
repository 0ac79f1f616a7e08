//! The team's commands: `assign` shares a project among coders (one file each, with a
//! reliability sample every coder gets).

use crate::agree::assign::assign;
use crate::store;
use anyhow::{anyhow, bail};
use std::path::Path;

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
