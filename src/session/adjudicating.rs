//! Adjudication in the session: coders' files added as read-only layers, stepping
//! through what they disagree on in the document shown (a view: it selects and
//! reveals, never edits), and taking a coder's version, every version or none into
//! the curated project, and everything all coders agree on, each as one undo step
//! through the session's one door.

use super::Session;
use super::command::AdjudicateCommand;
use super::layer_links;
use super::layers::{self, Disagreement, Layer, Layers, Take};
use crate::edit::Edit;
use crate::model::How;

impl Session {
    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    /// Keeps the layers of `other` (a session being replaced by this one).
    pub fn keep_layers(&mut self, other: &mut Session) {
        self.layers = std::mem::take(&mut other.layers);
        self.refresh_layers();
    }

    /// Brings the units of the document shown up to date (once per document and
    /// layers; the window calls it every frame).
    pub fn refresh_layers(&mut self) {
        let doc = self.current.and_then(|d| self.project.document(d));
        self.layers.refresh(doc);
    }

    pub(super) fn adjudicate(&mut self, command: AdjudicateCommand) -> Result<(), String> {
        match command {
            AdjudicateCommand::AddLayers(added) => {
                self.add_layers(added);
                Ok(())
            }
            AdjudicateCommand::Step(forward) => {
                self.refresh_layers();
                let count = self.layers.units().map_or(0, |u| u.disagreements.len());
                if count == 0 {
                    self.notice = Some("No disagreement in this document".to_owned());
                    return Ok(());
                }
                let next = match (self.layers.selected, forward) {
                    (None, true) => 0,
                    (None, false) => count - 1,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                };
                self.select_disagreement(next);
                Ok(())
            }
            AdjudicateCommand::Select(i) => {
                self.refresh_layers();
                self.select_disagreement(i);
                Ok(())
            }
            AdjudicateCommand::Take(take) => match self.layers.selected {
                Some(i) => self.take(i, take),
                None => Err("select a disagreement first (J / K step through them)".to_owned()),
            },
            AdjudicateCommand::TakeAt(i, take) => {
                self.refresh_layers();
                self.select_disagreement(i);
                self.take(i, take)
            }
            AdjudicateCommand::AcceptAgreed => self.accept_agreed(),
        }
    }

    fn add_layers(&mut self, added: Vec<Layer>) {
        let names: Vec<String> = added.iter().map(|l| l.name.clone()).collect();
        let replaced = self.layers.add(added);
        self.refresh_layers();
        let shared = self.document().map_or(0, |d| {
            self.layers
                .documents(d.sha256())
                .iter()
                .filter(|d| d.is_some())
                .count()
        });
        let mut notice = format!(
            "Added {} as layers ({shared} of {} have this document)",
            names.join(", "),
            self.layers.coders().len()
        );
        if !replaced.is_empty() {
            notice.push_str(&format!("; replaced {}", replaced.join(", ")));
        }
        self.notice = Some(notice);
    }

    fn select_disagreement(&mut self, i: usize) {
        let Some(d) = self.layers.units().and_then(|u| u.disagreement(i)) else {
            return;
        };
        let start = d.range.start;
        self.layers.selected = Some(i);
        self.selection = None;
        self.selected_span = None;
        self.scroll_to = Some(start);
    }

    fn take(&mut self, i: usize, take: Take) -> Result<(), String> {
        let (Some(units), Some(doc)) = (self.layers.units().cloned(), self.document()) else {
            return Ok(());
        };
        let Some(d) = units.disagreement(i) else {
            return Err("that disagreement is no longer listed".to_owned());
        };
        let what = match take {
            Take::Coder(k) => match self.layers.coders().get(k) {
                Some(layer) if d.coders.contains(&k) => format!("{}'s version", layer.name),
                Some(layer) => return Err(format!("{} does not have this document", layer.name)),
                None => return Err(format!("there is no coder {}", k + 1)),
            },
            Take::All => "every version".to_owned(),
            Take::None => "no version".to_owned(),
        };
        let mut ids = self.project.fresh_ids();
        let mut edits = layers::take_edits(d, take, doc, &mut ids);
        self.stamp_taken(d, &mut edits);
        let from = match take {
            Take::Coder(k) => layer_links::From::Coder(k),
            Take::All | Take::None => layer_links::From::Any,
        };
        let links = self.links_with(from, doc, &edits, &mut ids);
        edits.extend(links);
        if edits.is_empty() {
            self.notice = Some(format!("The project already holds {what}"));
            return Ok(());
        }
        let edit = self.started(edits);
        let summary = edit.summary();
        self.edit(edit)?;
        self.notice = Some(format!("Took {what}: {summary}; Ctrl+Z undoes"));
        Ok(())
    }

    fn accept_agreed(&mut self) -> Result<(), String> {
        self.refresh_layers();
        let (Some(units), Some(doc)) = (self.layers.units().cloned(), self.document()) else {
            return Err("add coders' files first (File → Add coders' files…)".to_owned());
        };
        let mut ids = self.project.fresh_ids();
        let edits: Vec<Edit> = units
            .all
            .iter()
            .filter(|d| d.agreed() && d.coders.len() >= 2)
            .flat_map(|d| {
                let mut edits: Vec<Edit> = layers::take_edits(d, Take::All, doc, &mut ids)
                    .into_iter()
                    .filter(|e| matches!(e, Edit::AddSpan { .. }))
                    .collect();
                self.stamp_taken(d, &mut edits);
                edits
            })
            .collect();
        let links = self.links_with(layer_links::From::Every, doc, &edits, &mut ids);
        let mut edits = edits;
        edits.extend(links);
        if edits.is_empty() {
            self.notice = Some("Everything the coders agree on is already here".to_owned());
            return Ok(());
        }
        let added = edits
            .iter()
            .filter(|e| matches!(e, Edit::AddSpan { .. }))
            .count();
        let edit = self.started(edits);
        self.edit(edit)?;
        let s = if added == 1 { "" } else { "s" };
        self.notice = Some(format!(
            "Accepted {added} span{s} all coders agree on; Ctrl+Z undoes"
        ));
        Ok(())
    }

    /// The links of the coders' layers that come with `edits` (see [`layer_links`]).
    fn links_with(
        &self,
        from: layer_links::From,
        doc: &crate::model::Document,
        edits: &[Edit],
        ids: &mut crate::model::FreshIds,
    ) -> Vec<Edit> {
        let types = self
            .project
            .relation_types
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        layer_links::link_edits(self.layers.coders(), from, doc, edits, &types, ids)
    }

    /// Gives each span `edits` add the provenance `adjudicated`, from the coders who
    /// gave exactly that span (label, range and attributes), in layer order.
    fn stamp_taken(&self, d: &Disagreement, edits: &mut [Edit]) {
        let names = self.layers.coders();
        for edit in edits {
            let Edit::AddSpan { span, .. } = edit else {
                continue;
            };
            let mut coders: Vec<String> = d
                .versions
                .iter()
                .filter(|v| {
                    v.label == span.label
                        && v.range == span.range
                        && v.attributes == span.attributes
                })
                .filter_map(|v| names.get(v.coder).map(|l| l.name.clone()))
                .collect();
            coders.dedup();
            span.provenance = Some(Box::new(self.provenance(How::Adjudicated { coders })));
        }
    }
}
