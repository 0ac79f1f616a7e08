//! Sharing a project's documents among coders: every coder gets a seeded random sample
//! of the documents (the reliability sample, coded by all), and the other documents
//! are dealt out in turn, so the shares differ by at most one document. The same seed
//! gives the same files on every machine (a splitmix64 generator, no platform
//! randomness).

use crate::edit::Edit;
use crate::model::{Document, Project};
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum AssignError {
    #[error("give at least one coder")]
    NoCoders,
    #[error("coder {} is named twice", crate::shown::quoted(.0))]
    Twice(String),
    #[error("{} is not a usable coder name (it becomes a file name)", crate::shown::quoted(.0))]
    BadName(String),
    #[error("the overlap must be between 0% and 100%")]
    Overlap,
    #[error("the project has no documents to share")]
    NoDocuments,
    #[error("a coder's file cannot be made ({0})")]
    Refused(crate::edit::EditError),
}

/// One coder's file.
pub struct Share {
    pub coder: String,
    pub project: Project,
    /// How many of its documents every coder has (the reliability sample).
    pub shared: usize,
    /// How many are this coder's alone.
    pub own: usize,
}

/// A small, well-known generator (splitmix64): enough to shuffle reproducibly.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (n > 0), by rejection so no index is favoured.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A coder name a file can be named after.
fn usable(name: &str) -> bool {
    crate::model::label::is_valid_label_name(name)
        && !name.contains(['/', '\\', ':'])
        && name != "."
        && name != ".."
}

/// Shares `project`'s documents among `coders`: `overlap` (0.0–1.0) of them, at least
/// one when above zero, go to every coder; the rest are dealt out. With `keep_spans`
/// false each coder starts from the texts alone (no spans, no rejections).
pub fn assign(
    project: &Project,
    coders: &[String],
    overlap: f64,
    seed: u64,
    keep_spans: bool,
) -> Result<Vec<Share>, AssignError> {
    if coders.is_empty() {
        return Err(AssignError::NoCoders);
    }
    for (i, coder) in coders.iter().enumerate() {
        if !usable(coder) {
            return Err(AssignError::BadName(coder.clone()));
        }
        if coders[..i].contains(coder) {
            return Err(AssignError::Twice(coder.clone()));
        }
    }
    if !(0.0..=1.0).contains(&overlap) {
        return Err(AssignError::Overlap);
    }
    let documents = project.documents();
    if documents.is_empty() {
        return Err(AssignError::NoDocuments);
    }
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let mut rng = SplitMix(seed);
    rng.shuffle(&mut order);
    let sample_size = ((overlap * documents.len() as f64).round() as usize)
        .max(usize::from(overlap > 0.0))
        .min(documents.len());
    let (sample, rest) = order.split_at(sample_size);
    let mut shares = Vec::with_capacity(coders.len());
    for (k, coder) in coders.iter().enumerate() {
        let mut mine: Vec<usize> = sample.to_vec();
        mine.extend(rest.iter().skip(k).step_by(coders.len()));
        mine.sort_unstable();
        let mut out = Project::new(&format!("{} — {coder}", project.name));
        out.labels = project.labels.clone();
        out.coder = Some(coder.clone());
        let edits = mine
            .iter()
            .map(|&i| Edit::AddDocument {
                index: usize::MAX,
                document: Box::new(copy(&documents[i], keep_spans)),
            })
            .collect();
        Edit::Batch(edits)
            .apply(&mut out)
            .map_err(AssignError::Refused)?;
        let own = out.documents().len().saturating_sub(sample.len());
        shares.push(Share {
            coder: coder.clone(),
            project: out,
            shared: sample.len(),
            own,
        });
    }
    Ok(shares)
}

/// `doc` for a coder: its text, name, source and id; spans only when kept.
fn copy(doc: &Document, keep_spans: bool) -> Document {
    let mut out = Document::new(doc.id, &doc.name, doc.text().to_owned(), &doc.encoding);
    out.source.clone_from(&doc.source);
    if keep_spans {
        out.set_spans(doc.spans().to_vec());
        for (label, range) in doc.rejected() {
            out.reject(label, *range);
        }
        out.status = doc.status;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(n: usize) -> Project {
        let docs: Vec<(String, String)> = (0..n)
            .map(|i| (format!("d{i:02}.txt"), format!("Article number {i}.")))
            .collect();
        let refs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        crate::fixture::project("News", &refs)
    }

    fn names(share: &Share) -> Vec<String> {
        share
            .project
            .documents()
            .iter()
            .map(|d| d.name.clone())
            .collect()
    }

    #[test]
    fn shares_cover_every_document_and_the_sample_is_everyones() {
        let p = project(10);
        let coders = ["a", "b", "c"].map(str::to_owned);
        let shares = assign(&p, &coders, 0.2, 7, false).unwrap();
        let sample: Vec<String> = names(&shares[0])
            .into_iter()
            .filter(|n| shares.iter().all(|s| names(s).contains(n)))
            .collect();
        assert_eq!(sample.len(), 2, "20% of 10");
        let mut all: Vec<String> = shares.iter().flat_map(names).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 10, "every document goes to someone");
        // The other 8 are dealt out: 3, 3, 2.
        let own: Vec<usize> = shares.iter().map(|s| s.own).collect();
        assert_eq!(own, [3, 3, 2]);
        for s in &shares {
            assert_eq!(s.project.coder.as_deref(), Some(s.coder.as_str()));
            assert_eq!(s.shared + s.own, s.project.documents().len());
        }
        // The same seed, the same files; another seed, another sample.
        let again = assign(&p, &coders, 0.2, 7, false).unwrap();
        assert_eq!(
            again.iter().map(names).collect::<Vec<_>>(),
            shares.iter().map(names).collect::<Vec<_>>()
        );
        let other = assign(&p, &coders, 0.2, 8, false).unwrap();
        assert_ne!(
            other.iter().map(names).collect::<Vec<_>>(),
            shares.iter().map(names).collect::<Vec<_>>()
        );
    }

    #[test]
    fn spans_stay_only_when_asked_and_names_are_checked() {
        let p = crate::fixture::project("P", &[("a.txt", "He said [quote:yes].")]);
        let coders = ["ann".to_owned()];
        let bare = assign(&p, &coders, 1.0, 1, false).unwrap();
        assert_eq!(bare[0].project.span_count(), 0);
        let kept = assign(&p, &coders, 1.0, 1, true).unwrap();
        assert_eq!(kept[0].project.span_count(), 1);
        let bad = ["a/b".to_owned()];
        assert_eq!(
            assign(&p, &bad, 0.5, 1, false).err(),
            Some(AssignError::BadName("a/b".to_owned()))
        );
        let twice = ["x".to_owned(), "x".to_owned()];
        assert_eq!(
            assign(&p, &twice, 0.5, 1, false).err(),
            Some(AssignError::Twice("x".to_owned()))
        );
        assert_eq!(
            assign(&p, &coders, 1.5, 1, false).err(),
            Some(AssignError::Overlap)
        );
    }
}
