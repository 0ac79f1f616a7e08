//! Agreement between coders' project files: documents matched by their text's SHA-256,
//! then per label and overall, per document and over every shared document, exact and
//! overlap F1 for each pair of coders (and their mean), Krippendorff's α_u, and the
//! agreement on the attributes of exactly matched spans (a quote's speaker).
//!
//! α_u over the whole set runs on one continuum: the documents every coder has, one
//! after another. A document only some coders share gets its own figures and counts
//! in the pairs' F1, but not in that α_u (the report says how many documents it
//! covers). A document with the same name but another text in another file is named
//! in the report and not compared: offsets into different texts cannot agree.

use super::alpha::{Continuum, Disagreement, overall};
use super::f1;
pub use super::f1::PairF1;
use crate::model::{CharRange, Document, Project};
use std::collections::{BTreeMap, BTreeSet};

/// The coders who have one text: (coder index, their document).
type Group<'a> = Vec<(usize, &'a Document)>;

/// One coder's project.
pub struct Coder<'a> {
    pub name: String,
    pub project: &'a Project,
}

/// The figures of one label, or of all labels together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub exact: PairF1,
    pub overlap: PairF1,
    pub alpha: Option<f64>,
    /// Spans per coder.
    pub spans: Vec<usize>,
}

/// Per label, and all labels together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    pub labels: BTreeMap<String, Figures>,
    pub all: Figures,
}

/// One document that at least two coders have.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentAgreement {
    pub name: String,
    pub sha256: String,
    /// The coders who have it.
    pub coders: Vec<usize>,
    pub figures: Scope,
}

/// Percent agreement on an attribute of exactly matched spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Percent {
    pub agree: usize,
    pub total: usize,
}

impl Percent {
    pub fn share(self) -> Option<f64> {
        (self.total > 0).then(|| self.agree as f64 / self.total as f64)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    pub coders: Vec<String>,
    pub labels: Vec<String>,
    pub documents: Vec<DocumentAgreement>,
    /// Over every shared document (α_u over those every coder has).
    pub overall: Scope,
    /// How many documents (every coder has them) the overall α_u covers.
    pub alpha_documents: usize,
    /// Documents only one coder has: (document, coder).
    pub alone: Vec<(String, String)>,
    /// Documents whose name another coder gives to another text: (document, coder).
    pub other_text: Vec<(String, String)>,
    /// Labels a coder's project does not define: (coder, label).
    pub missing_labels: Vec<(String, String)>,
    /// Spans that overlapped another of the same coder and label, merged into one
    /// unit for α_u (F1 counts them as they are).
    pub merged_for_alpha: usize,
    /// Per attribute key, on exactly matched spans.
    pub attributes: BTreeMap<String, Percent>,
    /// Per relation type, exact F1 of the links (same type, same ends) between pairs.
    pub links: BTreeMap<String, PairF1>,
}

/// The agreement of `coders` on `labels` (every label any coder defines, when empty).
pub fn agree(coders: &[Coder<'_>], labels: &[String]) -> Agreement {
    let labels: Vec<String> = if labels.is_empty() {
        let all: BTreeSet<String> = coders
            .iter()
            .flat_map(|c| c.project.labels.iter().map(|l| l.name.clone()))
            .collect();
        all.into_iter().collect()
    } else {
        labels.to_vec()
    };
    let mut out = Agreement {
        coders: coders.iter().map(|c| c.name.clone()).collect(),
        labels: labels.clone(),
        documents: Vec::new(),
        overall: Scope::default(),
        alpha_documents: 0,
        alone: Vec::new(),
        other_text: Vec::new(),
        missing_labels: Vec::new(),
        merged_for_alpha: 0,
        attributes: BTreeMap::new(),
        links: BTreeMap::new(),
    };
    for c in coders {
        for label in &labels {
            if !c.project.labels.contains(label) {
                out.missing_labels.push((c.name.clone(), label.clone()));
            }
        }
    }
    // Documents by text, in the order the first coder that has them lists them.
    let mut by_text: BTreeMap<&str, (usize, Group<'_>)> = BTreeMap::new();
    let mut order = 0;
    for (k, c) in coders.iter().enumerate() {
        for doc in c.project.documents() {
            let entry = by_text.entry(doc.sha256()).or_insert_with(|| {
                order += 1;
                (order, Vec::new())
            });
            if !entry.1.iter().any(|(other, _)| *other == k) {
                entry.1.push((k, doc));
            }
        }
    }
    let mut groups: Vec<(usize, Group<'_>)> = by_text.into_values().collect();
    groups.sort_by_key(|g| g.0);
    let mut all_continuum: BTreeMap<&str, Continuum> = BTreeMap::new();
    let all_len: u64 = groups
        .iter()
        .filter(|g| g.1.len() == coders.len() && coders.len() >= 2)
        .map(|g| g.1[0].1.len_chars() as u64)
        .sum();
    let mut at = 0u64;
    for (g, (_, group)) in groups.iter().enumerate() {
        if group.len() < 2 {
            for (k, doc) in group {
                // Another coder has a document of this name with another text.
                let renamed = groups.iter().enumerate().any(|(h, (_, other))| {
                    h != g && other.iter().any(|(o, d)| o != k && d.name == doc.name)
                });
                let entry = (doc.name.clone(), coders[*k].name.clone());
                if renamed {
                    out.other_text.push(entry);
                } else {
                    out.alone.push(entry);
                }
            }
            continue;
        }
        let every = group.len() == coders.len();
        super::links::add_document(group, &mut out.links);
        let figures = document_scope(group, &labels, &mut out);
        for (label, f) in &figures.labels {
            let total = out.overall.labels.entry(label.clone()).or_default();
            merge_pairs(&mut total.exact, &f.exact);
            merge_pairs(&mut total.overlap, &f.overlap);
            total.spans.resize(coders.len(), 0);
            for (i, (k, _)) in group.iter().enumerate() {
                total.spans[*k] += f.spans[i];
            }
        }
        merge_pairs(&mut out.overall.all.exact, &figures.all.exact);
        merge_pairs(&mut out.overall.all.overlap, &figures.all.overlap);
        if every {
            out.alpha_documents += 1;
            for label in &labels {
                let continuum = all_continuum
                    .entry(label.as_str())
                    .or_insert_with(|| Continuum::new(0, all_len, coders.len()));
                for (k, doc) in group {
                    for range in ranges(doc, label) {
                        continuum.add(*k, at + range.start.0 as u64, at + range.end.0 as u64);
                    }
                }
            }
            at += group[0].1.len_chars() as u64;
        }
        let (name, sha256) = (group[0].1.name.clone(), group[0].1.sha256().to_owned());
        let coders_of = group.iter().map(|(k, _)| *k).collect();
        out.documents.push(DocumentAgreement {
            name,
            sha256,
            coders: coders_of,
            figures,
        });
    }
    let mut disagreements = BTreeMap::new();
    for (label, mut continuum) in all_continuum {
        out.merged_for_alpha += continuum.merged();
        let d = continuum.disagreement();
        out.overall
            .labels
            .entry(label.to_owned())
            .or_default()
            .alpha = d.alpha();
        disagreements.insert(label.to_owned(), d);
    }
    out.overall.all.alpha = alpha_of_all(&disagreements);
    out.overall.all.spans = (0..coders.len())
        .map(|k| {
            out.overall
                .labels
                .values()
                .map(|f| f.spans.get(k).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    out
}

fn alpha_of_all(disagreements: &BTreeMap<String, Disagreement>) -> Option<f64> {
    if disagreements.is_empty() {
        None
    } else {
        overall(disagreements)
    }
}

fn merge_pairs(total: &mut PairF1, part: &PairF1) {
    for (pair, counts) in &part.pairs {
        total.add(*pair, *counts);
    }
}

/// The ranges of `label`'s spans in `doc`, in order.
fn ranges(doc: &Document, label: &str) -> Vec<CharRange> {
    doc.spans()
        .iter()
        .filter(|s| s.label == label)
        .map(|s| s.range)
        .collect()
}

/// The figures of one document that the coders `group` have (coder index, document).
fn document_scope(group: &[(usize, &Document)], labels: &[String], out: &mut Agreement) -> Scope {
    let mut scope = Scope::default();
    let mut disagreements = BTreeMap::new();
    let len = group[0].1.len_chars() as u64;
    for label in labels {
        let per_coder: Vec<Vec<CharRange>> = group.iter().map(|(_, d)| ranges(d, label)).collect();
        let mut figures = Figures {
            spans: per_coder.iter().map(Vec::len).collect(),
            ..Figures::default()
        };
        for a in 0..group.len() {
            for b in a + 1..group.len() {
                let pair = (group[a].0, group[b].0);
                figures
                    .exact
                    .add(pair, f1::exact(&per_coder[a], &per_coder[b]));
                figures
                    .overlap
                    .add(pair, f1::overlap(&per_coder[a], &per_coder[b]));
                attributes(group[a].1, group[b].1, label, &per_coder, (a, b), out);
            }
        }
        let mut continuum = Continuum::new(0, len, group.len());
        for (i, ranges) in per_coder.iter().enumerate() {
            for r in ranges {
                continuum.add(i, r.start.0 as u64, r.end.0 as u64);
            }
        }
        let d = continuum.disagreement();
        figures.alpha = d.alpha();
        disagreements.insert(label.clone(), d);
        merge_pairs(&mut scope.all.exact, &figures.exact);
        merge_pairs(&mut scope.all.overlap, &figures.overlap);
        scope.labels.insert(label.clone(), figures);
    }
    scope.all.alpha = alpha_of_all(&disagreements);
    scope.all.spans = (0..group.len())
        .map(|i| scope.labels.values().map(|f| f.spans[i]).sum())
        .collect();
    scope
}

/// Counts attribute agreement on the exactly matched spans of `label` between the
/// documents of two coders (`which` indexes `per_coder`).
fn attributes(
    a: &Document,
    b: &Document,
    label: &str,
    per_coder: &[Vec<CharRange>],
    which: (usize, usize),
    out: &mut Agreement,
) {
    let (ra, rb) = (&per_coder[which.0], &per_coder[which.1]);
    let span_at = |doc: &Document, range: CharRange| {
        doc.spans()
            .iter()
            .find(|s| s.label == label && s.range == range)
            .cloned()
    };
    for (i, j) in f1::exact_pairs(ra, rb) {
        let (Some(sa), Some(sb)) = (span_at(a, ra[i]), span_at(b, rb[j])) else {
            continue;
        };
        let keys: BTreeSet<&String> = sa.attributes.keys().chain(sb.attributes.keys()).collect();
        for key in keys {
            let entry = out.attributes.entry(key.clone()).or_default();
            entry.total += 1;
            let va = sa.attributes.get(key).map(|v| v.trim());
            let vb = sb.attributes.get(key).map(|v| v.trim());
            if va == vb {
                entry.agree += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests;
