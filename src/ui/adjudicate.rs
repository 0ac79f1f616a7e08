//! The Adjudicate tab of the spans panel, shown once coders' files are layers: the
//! coders (each with the lane their marks take above the text and the key that takes
//! their version), the agreement figures for the document shown and the whole set, a
//! button that accepts everything all coders agree on, the selected disagreement with
//! every coder's version side by side (each with its Take button), and the list of
//! the document's disagreements. It reads the session and emits commands.

use super::actions::{Action, CODER_KEYS};
use super::{preview, theme};
use crate::agree::study::{Figures, Scope};
use crate::model::Document;
use crate::session::layers::{self, Disagreement, Take};
use crate::session::{AdjudicateCommand, Command, Session};
use egui::{RichText, Ui};

/// How much of a version's text the panel shows.
const VERSION_CHARS: usize = 40;
/// How much of a disagreement's text a list row shows.
const ROW_CHARS: usize = 36;

/// The colour of coder `k`'s name in the legend (its lane's place is what tells the
/// coders apart in the article; the colours only help the eye).
pub fn coder_color(k: usize) -> egui::Color32 {
    const COLORS: [egui::Color32; 4] = [
        egui::Color32::from_rgb(0xCC, 0x79, 0xA7),
        egui::Color32::from_rgb(0x56, 0xB4, 0xE9),
        egui::Color32::from_rgb(0xE6, 0x9F, 0x00),
        egui::Color32::from_rgb(0x99, 0x99, 0x99),
    ];
    COLORS[k % COLORS.len()]
}

pub fn adjudicate_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    let layers = session.layers();
    if layers.is_empty() {
        ui.label("No coders' files yet.");
        if ui.button(Action::AddLayers.name()).clicked() {
            out.push(Action::AddLayers.command());
        }
        return;
    }
    let ctx = ui.ctx().clone();
    let key = |a: Action| a.shortcut_text(&ctx);
    ui.horizontal_wrapped(|ui| {
        ui.weak("Coders (lanes above the text, top first):");
        for (k, layer) in layers.coders().iter().enumerate() {
            let keys = if k < CODER_KEYS {
                format!(" ({})", key(Action::TakeCoder(k as u8)))
            } else {
                String::new()
            };
            ui.label(
                RichText::new(format!("{}. {}{keys}", k + 1, layer.name)).color(coder_color(k)),
            );
        }
    });
    let Some(doc) = session.document() else {
        return;
    };
    figures_ui(ui, session, doc);
    let units = layers.units();
    let agreed = layers.agreed_missing();
    let accept = egui::Button::new(format!("Accept all agreed ({agreed})"))
        .shortcut_text(key(Action::AcceptAgreed));
    if ui
        .add_enabled(agreed > 0, accept)
        .on_hover_text(
            "Adds every span all coders give identically in this document, as one undo step",
        )
        .clicked()
    {
        out.push(AdjudicateCommand::AcceptAgreed.into());
    }
    let Some(units) = units else {
        return;
    };
    let count = units.disagreements.len();
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{count} disagreements"));
        if ui
            .small_button("◀")
            .on_hover_text(format!("Previous ({})", key(Action::PrevDisagreement)))
            .clicked()
        {
            out.push(AdjudicateCommand::Step(false).into());
        }
        if ui
            .small_button("▶")
            .on_hover_text(format!("Next ({})", key(Action::NextDisagreement)))
            .clicked()
        {
            out.push(AdjudicateCommand::Step(true).into());
        }
        ui.weak(format!(
            "{} / {}",
            key(Action::NextDisagreement),
            key(Action::PrevDisagreement)
        ));
    });
    let selected = layers.selected();
    if let Some(i) = selected
        && let Some(d) = units.disagreement(i)
    {
        versions_ui(ui, session, doc, i, d, out);
    } else if count > 0 {
        ui.weak("Press J or click a row to see the coders' versions side by side.");
    }
    ui.separator();
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("disagreements")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, count, |ui, rows| {
            // One line a row, cut with "…": the list's rows are all one height.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for i in rows {
                let Some(d) = units.disagreement(i) else {
                    continue;
                };
                let text = doc.slice(d.range).unwrap_or("");
                let held = layers::curated_versions(d, doc).len();
                let mark = if held > 0 { "✔" } else { "·" };
                let row = format!(
                    "{mark} {} {}: “{}”",
                    d.range.start.0,
                    d.kinds.describe(),
                    preview(text, ROW_CHARS)
                );
                if ui.selectable_label(selected == Some(i), row).clicked() {
                    out.push(AdjudicateCommand::Select(i).into());
                }
            }
        });
}

/// The selected disagreement: each coder's version(s) with a Take button, then Take
/// all and Take none.
fn versions_ui(
    ui: &mut Ui,
    session: &Session,
    doc: &Document,
    i: usize,
    d: &Disagreement,
    out: &mut Vec<Command>,
) {
    let labels = &session.project().labels;
    let held = layers::curated_versions(d, doc);
    ui.label(format!(
        "{} of {}: {} ({}–{})",
        i + 1,
        session
            .layers()
            .units()
            .map_or(0, |u| u.disagreements.len()),
        d.kinds.describe(),
        d.range.start.0,
        d.range.end.0
    ));
    for (k, layer) in session.layers().coders().iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&layer.name).color(coder_color(k)).strong());
            let take = egui::Button::new(format!("Take {}'s", layer.name));
            let take = if k < CODER_KEYS {
                take.shortcut_text(Action::TakeCoder(k as u8).shortcut_text(ui.ctx()))
            } else {
                take
            };
            if ui.add_enabled(d.coders.contains(&k), take).clicked() {
                out.push(AdjudicateCommand::TakeAt(i, Take::Coder(k)).into());
            }
        });
        ui.indent(("version", k), |ui| {
            if !d.coders.contains(&k) {
                ui.weak("does not have this document");
            } else if d.of(k).next().is_none() {
                ui.weak("no span");
            }
            for v in d.of(k) {
                let text = doc.slice(v.range).unwrap_or("");
                let kept = held
                    .iter()
                    .any(|h| h.label == v.label && h.range == v.range);
                let kept = if kept { "✔ " } else { "" };
                let speaker = layers::speaker(v)
                    .map(|s| format!(" — {s}"))
                    .unwrap_or_default();
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("{kept}{}", v.label))
                            .color(theme::label_color(labels, &v.label)),
                    );
                    ui.label(format!("“{}”{speaker}", preview(text, VERSION_CHARS)));
                    ui.weak(format!("{}–{}", v.range.start.0, v.range.end.0));
                });
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        let all =
            egui::Button::new("Take all").shortcut_text(Action::TakeAll.shortcut_text(ui.ctx()));
        if ui.add(all).clicked() {
            out.push(AdjudicateCommand::TakeAt(i, Take::All).into());
        }
        let none =
            egui::Button::new("Take none").shortcut_text(Action::TakeNone.shortcut_text(ui.ctx()));
        if ui.add(none).clicked() {
            out.push(AdjudicateCommand::TakeAt(i, Take::None).into());
        }
    });
}

/// α_u, exact F1 and overlap F1 of the coders, for this document and the whole set.
fn figures_ui(ui: &mut Ui, session: &Session, doc: &Document) {
    let Some(agreement) = session.layers().agreement() else {
        return;
    };
    let this = agreement
        .documents
        .iter()
        .find(|d| d.sha256 == doc.sha256());
    let shown = |x: Option<f64>| x.map_or_else(|| "n/a".to_owned(), |x| format!("{x:.2}"));
    let row = |ui: &mut Ui, name: &str, f: &Figures| {
        ui.label(name);
        ui.label(shown(f.alpha)).on_hover_text("Krippendorff's α_u");
        ui.label(shown(f.exact.mean()));
        ui.label(shown(f.overlap.mean()));
        ui.end_row();
    };
    egui::CollapsingHeader::new("Agreement")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("agreement").num_columns(4).show(ui, |ui| {
                ui.weak("");
                ui.weak("α_u");
                ui.weak("F1")
                    .on_hover_text("exact-match F1, mean over coder pairs");
                ui.weak("overlap")
                    .on_hover_text("overlap F1, mean over coder pairs");
                ui.end_row();
                match this {
                    Some(d) => scope_rows(ui, "This doc.", &d.figures, &row),
                    None => {
                        ui.label("This doc.");
                        ui.weak("fewer than two coders have it");
                        ui.end_row();
                    }
                }
                let all = format!("All ({} docs)", agreement.documents.len());
                row(ui, &all, &agreement.overall.all);
            });
        });
}

fn scope_rows(ui: &mut Ui, name: &str, scope: &Scope, row: &dyn Fn(&mut Ui, &str, &Figures)) {
    row(ui, name, &scope.all);
    for (label, f) in &scope.labels {
        row(ui, &format!("  {label}"), f);
    }
}
