//! Coders' files shown as read-only layers over the curated project, and what they
//! disagree on, as plain data. A layer is one coder's project, never written; its
//! documents are matched to the curated ones by their text's SHA-256. [`clusters`] is
//! the pure function that groups the coders' spans of one text into units to decide
//! on: two spans belong together when they have the same label and their ranges
//! overlap, or when they cover the same range (whatever the labels). A unit every
//! coder gives identically is agreed; any other is a [`Disagreement`] of one or more
//! [`Kinds`]. [`take_edits`] turns a decision (a coder's version, all versions, none)
//! into the edits of the curated document, which the session applies as one step.

use crate::agree::study::{Agreement, Coder, agree};
use crate::edit::Edit;
use crate::model::stats::SPEAKER;
use crate::model::{Attributes, CharRange, DocId, Document, FreshIds, Project, Span};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// One coder's project, read-only.
#[derive(Clone, Debug)]
pub struct Layer {
    /// The coder's name: the file name without `.ron`.
    pub name: String,
    pub path: Option<PathBuf>,
    pub project: Arc<Project>,
}

impl PartialEq for Layer {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.path == other.path
            && Arc::ptr_eq(&self.project, &other.project)
    }
}

/// One coder's span in a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The layer's index.
    pub coder: usize,
    pub label: String,
    pub range: CharRange,
    pub attributes: Attributes,
}

/// How the coders differ on a unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kinds {
    /// Some coder who has the text has no span here.
    pub missing: bool,
    /// The ranges differ (the spans overlap).
    pub boundaries: bool,
    /// The labels differ.
    pub label: bool,
    /// Same label and range, another speaker (or another attribute).
    pub speaker: bool,
}

impl Kinds {
    pub fn any(self) -> bool {
        self.missing || self.boundaries || self.label || self.speaker
    }

    /// In a few words: `missing, boundaries`.
    pub fn describe(self) -> String {
        let parts: Vec<&str> = [
            (self.missing, "missing"),
            (self.boundaries, "boundaries"),
            (self.label, "label"),
            (self.speaker, "speaker"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| *name)
        .collect();
        parts.join(", ")
    }
}

/// A unit of the coders' spans: what each gave there.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// From the first start to the last end of its versions.
    pub range: CharRange,
    /// In coder order, then by range and label.
    pub versions: Vec<Version>,
    /// Which coders have the text (the others are not asked).
    pub coders: Vec<usize>,
    pub kinds: Kinds,
}

impl Disagreement {
    /// Do all coders who have the text give exactly the same spans here?
    pub fn agreed(&self) -> bool {
        !self.kinds.any()
    }

    /// The versions of coder `k`.
    pub fn of(&self, k: usize) -> impl Iterator<Item = &Version> {
        self.versions.iter().filter(move |v| v.coder == k)
    }

    /// Every distinct (label, range), with the attributes of the first coder who gave it.
    pub fn distinct(&self) -> Vec<&Version> {
        let mut out: Vec<&Version> = Vec::new();
        for v in &self.versions {
            if !out.iter().any(|o| o.label == v.label && o.range == v.range) {
                out.push(v);
            }
        }
        out
    }
}

/// What the adjudicator takes into the curated project for one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// The version of one coder (the layer's index): what they gave, nothing else.
    Coder(usize),
    /// Every distinct version.
    All,
    /// None: the curated document keeps no version of it.
    None,
}

/// Groups the spans of `docs` (per layer: its document with this text, if it has one)
/// into units, in text order. Agreed units are listed too ([`Disagreement::agreed`]).
pub fn clusters(docs: &[Option<&Document>]) -> Vec<Disagreement> {
    let mut versions: Vec<Version> = Vec::new();
    for (k, doc) in docs.iter().enumerate() {
        let Some(doc) = doc else { continue };
        versions.extend(doc.spans().iter().map(|s| Version {
            coder: k,
            label: s.label.clone(),
            range: s.range,
            attributes: s.attributes.clone(),
        }));
    }
    let coders: Vec<usize> = (0..docs.len()).filter(|k| docs[*k].is_some()).collect();
    let mut parent: Vec<usize> = (0..versions.len()).collect();
    // Same label, ranges overlapping: a sweep per label in start order.
    let mut order: Vec<usize> = (0..versions.len()).collect();
    order.sort_by(|a, b| {
        let (va, vb) = (&versions[*a], &versions[*b]);
        (&va.label, va.range).cmp(&(&vb.label, vb.range))
    });
    let mut run: Option<(usize, usize)> = None; // (index, running end) of the open run
    for &i in &order {
        let v = &versions[i];
        match run {
            Some((j, end)) if versions[j].label == v.label && v.range.start.0 < end => {
                union(&mut parent, i, j);
                run = Some((j, end.max(v.range.end.0)));
            }
            _ => run = Some((i, v.range.end.0)),
        }
    }
    // Same range, any label.
    let mut by_range: HashMap<CharRange, usize> = HashMap::new();
    for (i, v) in versions.iter().enumerate() {
        match by_range.get(&v.range) {
            Some(&j) => union(&mut parent, i, j),
            None => {
                by_range.insert(v.range, i);
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..versions.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Disagreement> = groups
        .into_values()
        .map(|members| {
            let mut vs: Vec<Version> = members.iter().map(|i| versions[*i].clone()).collect();
            vs.sort_by(|a, b| (a.coder, a.range, &a.label).cmp(&(b.coder, b.range, &b.label)));
            let range = CharRange {
                start: vs.iter().map(|v| v.range.start).min().unwrap_or_default(),
                end: vs.iter().map(|v| v.range.end).max().unwrap_or_default(),
            };
            let kinds = kinds_of(&vs, &coders);
            Disagreement {
                range,
                versions: vs,
                coders: coders.clone(),
                kinds,
            }
        })
        .collect();
    out.sort_by_key(|d| (d.range.start, d.range.end));
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

fn key(v: &Version) -> (&str, CharRange, &Attributes) {
    (&v.label, v.range, &v.attributes)
}

fn kinds_of(vs: &[Version], coders: &[usize]) -> Kinds {
    let of = |k: usize| vs.iter().filter(move |v| v.coder == k);
    let same = coders
        .windows(2)
        .all(|w| of(w[0]).map(key).eq(of(w[1]).map(key)));
    if same && !vs.is_empty() {
        return Kinds::default();
    }
    let missing = coders.iter().any(|k| !vs.iter().any(|v| v.coder == *k));
    let first = vs.first();
    let label = vs.iter().any(|v| first.is_some_and(|f| f.label != v.label));
    let boundaries = vs.iter().any(|v| first.is_some_and(|f| f.range != v.range));
    let speaker = vs.iter().enumerate().any(|(i, a)| {
        vs[i + 1..]
            .iter()
            .any(|b| a.label == b.label && a.range == b.range && a.attributes != b.attributes)
    });
    Kinds {
        missing,
        boundaries,
        label,
        speaker,
    }
}

/// The edits that make the curated `doc` hold `take` for unit `d`: spans with a
/// version's label and range that are not taken go, taken versions come in (or get the
/// taken attributes). Empty when the document already holds exactly that.
pub fn take_edits(d: &Disagreement, take: Take, doc: &Document, ids: &mut FreshIds) -> Vec<Edit> {
    let wanted: Vec<&Version> = match take {
        Take::Coder(k) => d.of(k).collect(),
        Take::All => d.distinct(),
        Take::None => Vec::new(),
    };
    let mut edits = Vec::new();
    for v in d.distinct() {
        let Some(have) = doc.duplicate_of(&v.label, v.range, crate::model::SpanId(0)) else {
            continue;
        };
        if !wanted
            .iter()
            .any(|w| w.label == v.label && w.range == v.range)
        {
            edits.push(Edit::RemoveSpan {
                doc: doc.id,
                span: have.id,
            });
        }
    }
    for w in wanted {
        match doc.duplicate_of(&w.label, w.range, crate::model::SpanId(0)) {
            Some(have) => edits.extend(attribute_edits(doc.id, have, &w.attributes)),
            None => {
                let mut span = Span::new(ids.span(), &w.label, w.range);
                span.attributes = w.attributes.clone();
                edits.push(Edit::AddSpan { doc: doc.id, span });
            }
        }
    }
    edits
}

/// The edits that give `span` exactly `attributes`.
fn attribute_edits(doc: DocId, span: &Span, attributes: &Attributes) -> Vec<Edit> {
    let mut keys: Vec<&String> = span.attributes.keys().chain(attributes.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| span.attributes.get(k) != attributes.get(k))
        .map(|k| Edit::SetAttribute {
            doc,
            span: span.id,
            key: k.clone(),
            value: attributes.get(k).cloned(),
        })
        .collect()
}

/// The versions of `d` the curated `doc` holds (same label and range).
pub fn curated_versions<'a>(d: &'a Disagreement, doc: &Document) -> Vec<&'a Version> {
    d.distinct()
        .into_iter()
        .filter(|v| {
            doc.duplicate_of(&v.label, v.range, crate::model::SpanId(0))
                .is_some()
        })
        .collect()
}

/// The speaker of a version, if it has one.
pub fn speaker(v: &Version) -> Option<&str> {
    v.attributes.get(SPEAKER).map(String::as_str)
}

/// The layers of a session, and what was computed from them: the units of the
/// document shown (kept until the document or the layers change) and the agreement
/// of the coders over the whole set (kept until the layers change).
#[derive(Default)]
pub struct Layers {
    coders: Vec<Layer>,
    /// Changes with every change of the layers.
    generation: u64,
    /// The units of the text shown: (its SHA-256, the generation) and the units.
    units: Option<((String, u64), Arc<Units>)>,
    agreement: Option<(u64, Arc<Agreement>)>,
    /// The selected disagreement, an index into [`Units::disagreements`].
    pub(super) selected: Option<usize>,
    /// How many agreed units the curated document lacks, and for which of its span
    /// revisions (with the units' key).
    pending: Option<((String, u64, u64), usize)>,
}

/// The units of one text: every unit, and the indices of those that disagree.
#[derive(Debug, Default)]
pub struct Units {
    pub all: Vec<Disagreement>,
    pub disagreements: Vec<usize>,
}

impl Units {
    pub fn disagreement(&self, i: usize) -> Option<&Disagreement> {
        self.all.get(*self.disagreements.get(i)?)
    }
}

impl Layers {
    pub fn coders(&self) -> &[Layer] {
        &self.coders
    }

    pub fn is_empty(&self) -> bool {
        self.coders.is_empty()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Adds layers; one named like a layer already there replaces it. Returns the names
    /// replaced.
    pub(super) fn add(&mut self, layers: Vec<Layer>) -> Vec<String> {
        let mut replaced = Vec::new();
        for layer in layers {
            match self.coders.iter_mut().find(|l| l.name == layer.name) {
                Some(old) => {
                    replaced.push(layer.name.clone());
                    *old = layer;
                }
                None => self.coders.push(layer),
            }
        }
        self.generation += 1;
        self.selected = None;
        replaced
    }

    /// The layers' documents with this text, per layer.
    pub fn documents(&self, sha256: &str) -> Vec<Option<&Document>> {
        self.coders
            .iter()
            .map(|l| l.project.document_by_sha256(sha256))
            .collect()
    }

    /// The units of the curated document `doc`'s text, computed once per text and
    /// layers, and how many agreed ones it lacks (once per change of its spans).
    pub(super) fn refresh(&mut self, doc: Option<&Document>) {
        let Some(doc) = doc.filter(|_| !self.coders.is_empty()) else {
            self.units = None;
            return;
        };
        self.refresh_units(doc.sha256());
        let key = (doc.sha256().to_owned(), self.generation, doc.revision());
        if self.pending.as_ref().is_none_or(|(k, _)| *k != key) {
            let count = self.units().map_or(0, |u| {
                u.all
                    .iter()
                    .filter(|d| d.agreed() && d.coders.len() >= 2)
                    .filter(|d| curated_versions(d, doc).len() < d.distinct().len())
                    .count()
            });
            self.pending = Some((key, count));
        }
    }

    /// How many units all coders agree on the curated document lacks.
    pub fn agreed_missing(&self) -> usize {
        self.pending.as_ref().map_or(0, |(_, n)| *n)
    }

    fn refresh_units(&mut self, sha256: &str) {
        let key = (sha256.to_owned(), self.generation);
        if self.units.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let all = clusters(&self.documents(sha256));
        let disagreements = (0..all.len()).filter(|i| !all[*i].agreed()).collect();
        self.units = Some((key, Arc::new(Units { all, disagreements })));
        self.selected = None;
        if self
            .agreement
            .as_ref()
            .is_none_or(|(g, _)| *g != self.generation)
        {
            let coders: Vec<Coder<'_>> = self
                .coders
                .iter()
                .map(|l| Coder {
                    name: l.name.clone(),
                    project: &l.project,
                })
                .collect();
            self.agreement = Some((self.generation, Arc::new(agree(&coders, &[]))));
        }
    }

    /// The units of the text shown (after [`Layers::refresh`]).
    pub fn units(&self) -> Option<&Arc<Units>> {
        self.units.as_ref().map(|(_, u)| u)
    }

    /// The coders' agreement over the whole set (the curated project left out).
    pub fn agreement(&self) -> Option<&Arc<Agreement>> {
        self.agreement.as_ref().map(|(_, a)| a)
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }
}

#[cfg(test)]
mod tests;
