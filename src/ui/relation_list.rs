//! The links of the selected span, in the inspector: one row per relation at this
//! end ("→ attributed to “Olena Ivanova”", "← supported by claim “…”"), whose text is
//! a button going to the other end, and a ✕ that deletes the link (one undo step);
//! where more than one type fits the ends' labels, the type is a drop-down whose pick
//! retypes the link (one undo step). Above them "Link…", which starts linking this
//! span (as R does). Rows are cut to
//! the panel's width, so the list fits a small window; screen readers get each
//! button's full meaning as its name.

use crate::model::{Document, Relation, SpanId};
use crate::session::{Command, RelationCommand, Session, ViewCommand};
use crate::ui::actions::Action;
use crate::ui::preview;
use egui::{RichText, Ui};

/// Rows listed at most (a span with more says how many are left out).
const MAX_LISTED: usize = 50;
/// Characters of the other end's text shown in a row.
const PREVIEW_CHARS: usize = 40;

/// The links of span `span` (of the session's project), with their buttons.
pub fn relations_ui(ui: &mut Ui, session: &Session, span: SpanId, out: &mut Vec<Command>) {
    let Some((doc, _)) = session.project().find_span(span) else {
        return;
    };
    let links: Vec<&Relation> = doc.relations_of(span).collect();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Links").strong());
        if session.linking_from() == Some(span) {
            ui.weak("click the other span, or Tab to it and press Enter; Esc cancels");
        } else {
            let key = Action::LinkSpan.shortcut_text(ui.ctx());
            let start = ui
                .small_button("Link…")
                .on_hover_text(format!("Link this span to another ({key})"))
                .accessible_name("Link this span to another");
            if start.clicked() {
                out.push(RelationCommand::Start.into());
            }
        }
        if links.is_empty() {
            ui.weak("none");
        }
    });
    for r in links.iter().take(MAX_LISTED) {
        link_row_ui(ui, session, doc, span, r, out);
    }
    if links.len() > MAX_LISTED {
        ui.weak(format!("… and {} more", links.len() - MAX_LISTED));
    }
}

/// One link of `span`: its ✕, its type (a drop-down when more than one type fits the
/// ends' labels) and the button going to the other end.
fn link_row_ui(
    ui: &mut Ui,
    session: &Session,
    doc: &Document,
    span: SpanId,
    r: &Relation,
    out: &mut Vec<Command>,
) {
    let other = r.other_end(span);
    let (label, text) = doc.span(other).map_or(("", String::new()), |s| {
        let text = doc.slice(s.range).unwrap_or("");
        (s.label.as_str(), preview(text, PREVIEW_CHARS))
    });
    let (arrow, end) = if r.from == span {
        ("→", format!("“{text}”"))
    } else {
        ("←", format!("{label} “{text}”"))
    };
    let row = format!("{arrow} {} {end}", r.kind);
    let types: Vec<&str> = session
        .types_between(r.from, r.to)
        .into_iter()
        .map(|t| t.name.as_str())
        .collect();
    ui.horizontal(|ui| {
        let delete = ui
            .small_button("✕")
            .on_hover_text("Delete this link (Ctrl+Z undoes)")
            .accessible_name(format!("Delete link {row}"));
        if delete.clicked() {
            out.push(RelationCommand::Remove(r.id).into());
        }
        // With a choice of types the type is a drop-down and the button names the end.
        let shown = if types.len() > 1 {
            ui.label(arrow);
            type_ui(ui, r, &types, &row, out);
            end
        } else {
            row.clone()
        };
        let go = ui
            .add(egui::Button::new(shown).small().truncate())
            .on_hover_text(format!("Go to {label} “{text}”"))
            .accessible_name(row.clone());
        if go.clicked() {
            out.push(ViewCommand::JumpToSpan(other).into());
        }
    });
}

/// The drop-down of the types that fit link `r`'s ends: a pick retypes it.
fn type_ui(ui: &mut Ui, r: &Relation, types: &[&str], row: &str, out: &mut Vec<Command>) {
    let mut picked = None;
    egui::ComboBox::from_id_salt(("relation-type", r.id.0))
        .selected_text(r.kind.as_str())
        .width(0.0)
        .show_ui(ui, |ui| {
            for t in types {
                if ui.selectable_label(*t == r.kind, *t).clicked() {
                    picked = Some(*t);
                }
            }
        })
        .response
        .on_hover_text("This link's type")
        .accessible_name(format!("Type of link {row}"));
    if let Some(t) = picked.filter(|t| *t != r.kind) {
        out.push(RelationCommand::SetType(r.id, t.to_owned()).into());
    }
}
