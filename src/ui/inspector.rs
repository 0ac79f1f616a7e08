//! The inspector of the selected span: label, text, offsets, who made it (when and
//! how), attributes, note, delete; and "Your name", which the spans made from now on
//! record. In a low panel, where it takes the list's place, what can be edited comes
//! first and the text, offsets and who made the span last.
//! Text fields edit a draft that becomes one undoable edit when the field loses focus
//! or Enter is pressed. The speaker field offers the project's speakers as completions
//! in a list under it, filtered by what is typed (↓ / ↑ pick one, Enter or a click
//! takes it): taking one is one edit, never the letters typed before it.

use super::attribute_field::attribute_value_ui;
use super::preview;
use super::stats::StatsCache;
use super::theme;
use crate::model::claims;
use crate::model::stats::{SPEAKER, speakers_matching};
use crate::model::{AttributeKind, Attributes, Document, Label, Span, SpanId};
use crate::session::{Command, EditCommand, Session, SessionCommand};
use egui::{Key, Rect, RichText, TextEdit, Ui};

/// Completions shown under the speaker field, at most.
const MAX_COMPLETIONS: usize = 8;

#[derive(Default)]
pub struct Inspector {
    /// The selected span's note and attributes as being typed.
    draft: Option<Draft>,
    /// Where the completion list was drawn last frame: a click there ends the field's
    /// editing (egui takes the focus away first) without storing the letters typed.
    completion_rect: Option<Rect>,
    /// The completion picked with the arrow keys.
    highlighted: Option<usize>,
    /// "Your name" as being typed.
    coder: Option<String>,
    /// Put the keyboard in the first field when it is next drawn (F2).
    focus_first: bool,
}

struct Draft {
    span: SpanId,
    note: String,
    attributes: Attributes,
    /// The span's attributes as last drawn: a value changed elsewhere (a key, a link,
    /// undo) replaces what the field shows.
    seen: Attributes,
}

impl Inspector {
    /// Puts the keyboard in the selected span's first field when the inspector is next
    /// drawn: a claim's sources, another span's first field that is typed in (the note
    /// when there is none).
    pub fn focus_first_field(&mut self) {
        self.focus_first = true;
    }

    /// Forgets typed drafts (after undo/redo changed the span under them).
    pub fn reset(&mut self) {
        self.draft = None;
        self.completion_rect = None;
        self.highlighted = None;
    }

    /// The selected span's inspector. `folded`: in a low panel, in the list's place
    /// (`spans::fold`): the heading is on the line over it, and what can be edited
    /// comes first, the text, offsets and who made the span last.
    pub fn inspector_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        stats: &mut StatsCache,
        folded: bool,
        out: &mut Vec<Command>,
    ) {
        let Some((doc, span)) = session
            .selected_span()
            .and_then(|s| session.project().find_span(s))
        else {
            return;
        };
        if self.draft.as_ref().is_none_or(|d| d.span != span.id) {
            self.reset();
            self.draft = Some(Draft {
                span: span.id,
                note: span.note.clone().unwrap_or_default(),
                attributes: span.attributes.clone(),
                seen: span.attributes.clone(),
            });
        }
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let mut completion_rect = None;
        if !folded {
            ui.heading(format!("Span {}", span.id));
        }
        egui::Grid::new("inspector").num_columns(2).show(ui, |ui| {
            ui.label("Label");
            let mut label = span.label.clone();
            egui::ComboBox::from_id_salt("relabel")
                .selected_text(&label)
                .show_ui(ui, |ui| {
                    for l in session.project().labels.iter() {
                        ui.selectable_value(
                            &mut label,
                            l.name.clone(),
                            RichText::new(&l.name)
                                .color(theme::label_color(&session.project().labels, &l.name)),
                        );
                    }
                })
                .response
                .accessible_name("Label of the span");
            if label != span.label {
                out.push(EditCommand::Relabel(span.id, label).into());
            }
            ui.end_row();

            if !folded {
                facts_ui(ui, doc, span);
            }

            let label = session.project().labels.get(&span.label);
            let is_claim = label.is_some_and(claims::is_claim_label);
            let mut fields = label
                .map(|l| l.field_names().map(str::to_owned).collect::<Vec<_>>())
                .unwrap_or_default();
            if is_claim {
                // The claim form: what a check goes through first.
                fields.sort_by_key(|k| CLAIM_ORDER.iter().position(|c| c == k));
            }
            let focus_key = if self.focus_first {
                first_field(label, &fields, is_claim)
            } else {
                None
            };
            let focus = |response: &egui::Response, key: &str| {
                if focus_key.as_deref() == Some(key) {
                    response.request_focus();
                }
            };
            for key in fields
                .iter()
                .chain(span.attributes.keys().filter(|k| !fields.contains(k)))
            {
                ui.label(key);
                if !draft.attributes.contains_key(key)
                    || draft.seen.get(key) != span.attributes.get(key)
                {
                    let stored = span.attributes.get(key).cloned().unwrap_or_default();
                    draft.attributes.insert(key.clone(), stored);
                }
                let Some(value) = draft.attributes.get_mut(key) else {
                    continue;
                };
                let field = session
                    .project()
                    .labels
                    .get(&span.label)
                    .and_then(|l| l.field(key));
                let stored = span.attributes.get(key).cloned().unwrap_or_default();
                if is_claim
                    && key == claims::STATUS
                    && let Some(AttributeKind::Choice(values)) = field.map(|f| &f.kind)
                    && status_fits(ui, values)
                {
                    status_ui(ui, values, &stored, span.id, out);
                    ui.end_row();
                    continue;
                }
                if let Some(field) = field.filter(|f| f.kind != AttributeKind::Text) {
                    // A typed field: a drop-down for a choice (a pick is sent at once),
                    // a checked line for the others (sent when the editing ends).
                    let mut response = attribute_value_ui(ui, Some(field), value, ("attr", key))
                        .accessible_name(key.clone());
                    if is_claim && key == claims::VERDICT {
                        response = response.on_hover_text(
                            "Ctrl+1, Ctrl+2 …: the verdict at that place on the scale",
                        );
                    }
                    focus(&response, key);
                    let picked =
                        matches!(field.kind, AttributeKind::Choice(_)) && response.changed();
                    let ending = response.lost_focus();
                    if (picked || ending) && *value != stored {
                        out.push(
                            EditCommand::SetAttribute(span.id, key.clone(), value.clone()).into(),
                        );
                    }
                    ui.end_row();
                    continue;
                }
                let response = ui
                    .add(
                        TextEdit::singleline(value)
                            .hint_text(format!("{key}…"))
                            .id_salt(("attr", key)),
                    )
                    .accessible_name(key.clone());
                focus(&response, key);
                // Never ask the response inside `ui.input`: both take egui's context lock.
                let focused = response.has_focus();
                // Enter ends a one-line field's editing (egui takes its focus at once).
                let ending = response.lost_focus();
                let enter = (focused || ending) && ui.input(|i| i.key_pressed(Key::Enter));
                let mut taken = None;
                let mut over_list = false;
                let mut clicked_beside = false;
                if key == SPEAKER && (focused || ending) {
                    let pointer = ui.ctx().pointer_interact_pos();
                    over_list = pointer
                        .zip(self.completion_rect)
                        .is_some_and(|(p, r)| r.contains(p));
                    let names: Vec<String> =
                        speakers_matching(stats.get(session.project()), value, MAX_COMPLETIONS)
                            .into_iter()
                            .map(str::to_owned)
                            .collect();
                    if focused || over_list {
                        let (clicked, rect) =
                            completions_ui(ui, &response, &names, &mut self.highlighted, focused);
                        completion_rect = rect;
                        taken = clicked;
                    }
                    if enter && taken.is_none() {
                        taken = self.highlighted.and_then(|h| names.get(h).cloned());
                    }
                    // A click on the list but on none of its names ends the editing too.
                    clicked_beside =
                        over_list && taken.is_none() && ui.input(|i| i.pointer.any_click());
                } else if key == SPEAKER {
                    self.highlighted = None;
                }
                if let Some(name) = taken {
                    *value = name.clone();
                    self.highlighted = None;
                    response.surrender_focus();
                    if name != stored {
                        out.push(EditCommand::SetAttribute(span.id, key.clone(), name).into());
                    }
                } else if (ending && (!over_list || clicked_beside) || enter) && *value != stored {
                    out.push(EditCommand::SetAttribute(span.id, key.clone(), value.clone()).into());
                }
                ui.end_row();
            }

            ui.label("Note");
            let response = ui
                .add(
                    TextEdit::multiline(&mut draft.note)
                        .desired_rows(3)
                        .hint_text("note…")
                        .id_salt("note"),
                )
                .accessible_name("note");
            if self.focus_first && focus_key.is_none() {
                response.request_focus();
            }
            if response.lost_focus() && draft.note != span.note.clone().unwrap_or_default() {
                out.push(EditCommand::SetNote(span.id, draft.note.clone()).into());
            }
            ui.end_row();
            if folded {
                facts_ui(ui, doc, span);
            }
        });
        draft.seen.clone_from(&span.attributes);
        self.completion_rect = completion_rect;
        self.focus_first = false;
        super::relation_list::relations_ui(ui, session, span.id, out);
        if ui.button("Delete span").clicked() {
            out.push(EditCommand::DeleteSpan(span.id).into());
        }
        self.coder_ui(ui, session, out);
    }

    /// "Your name": what the spans made from now on record. Enter or leaving the
    /// field sets it; emptied, the default (git's `user.name`, the login) comes back.
    fn coder_ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let current = session.coder();
        let mut draft = self.coder.take().unwrap_or_else(|| current.clone());
        let mut keep = true;
        ui.horizontal(|ui| {
            ui.label("Your name");
            let response = ui
                .add(
                    TextEdit::singleline(&mut draft)
                        .hint_text(crate::session::default_coder())
                        .desired_width(160.0)
                        .id_salt("coder"),
                )
                .accessible_name("Your name")
                .on_hover_text("Recorded with every span you make (git's user.name by default)");
            if response.lost_focus() {
                let typed = crate::session::cleaned_coder(&draft);
                let emptied_default = typed.is_none() && !session.coder_given();
                if typed.as_deref() != Some(current.as_str()) && !emptied_default {
                    out.push(SessionCommand::SetCoder(typed).into());
                }
                keep = false;
            } else if !response.has_focus() {
                // Shown as the session has it (a new project keeps it).
                draft.clone_from(&current);
            }
        });
        if keep {
            self.coder = Some(draft);
        }
    }
}

/// The rows of what the inspector only shows: the span's text, its offsets, and who
/// made it (how, when).
fn facts_ui(ui: &mut Ui, doc: &Document, span: &Span) {
    ui.label("Text");
    // Wrapped, so a long span never widens the panel and reflows the article.
    let text = preview(doc.slice(span.range).unwrap_or(""), 300);
    ui.add(egui::Label::new(text).wrap());
    ui.end_row();
    ui.label("Offsets");
    ui.weak(format!(
        "{}–{} (code points)",
        span.range.start, span.range.end
    ));
    ui.end_row();
    ui.label("Made");
    let made = match &span.provenance {
        Some(p) => RichText::new(p.describe()),
        None => RichText::new("unknown (made before spanmark recorded it)").weak(),
    };
    ui.add(egui::Label::new(made).wrap())
        .on_hover_text("Who made the span, how, and when (UTC)");
    ui.end_row();
}

/// The order of the claim form's fields; the label's other fields follow.
const CLAIM_ORDER: [&str; 7] = [
    claims::STATUS,
    claims::VERDICT,
    claims::SOURCES,
    claims::CLAIMANT,
    claims::CLAIM_TYPE,
    claims::REVIEWED,
    claims::REVIEW_URL,
];

/// The field F2 puts the keyboard in: a claim's sources, else the first field typed
/// in rather than picked; `None`: the note.
fn first_field(label: Option<&Label>, fields: &[String], is_claim: bool) -> Option<String> {
    if is_claim && fields.iter().any(|f| f == claims::SOURCES) {
        return Some(claims::SOURCES.to_owned());
    }
    fields
        .iter()
        .find(|k| {
            label
                .and_then(|l| l.field(k))
                .is_none_or(|f| !matches!(f.kind, AttributeKind::Choice(_)))
        })
        .cloned()
}

/// Do the status buttons fit on one line beside their name? (Where they do not, a
/// narrow panel or a large zoom, the status is a drop-down like any choice.)
fn status_fits(ui: &Ui, values: &[String]) -> bool {
    let padding = ui.spacing().button_padding.x * 2.0 + STATUS_SPACING;
    let font = egui::TextStyle::Button.resolve(ui.style());
    let needed: f32 = ui.fonts_mut(|fonts| {
        values
            .iter()
            .map(|v| {
                let galley =
                    fonts.layout_no_wrap(v.clone(), font.clone(), egui::Color32::PLACEHOLDER);
                galley.size().x + padding
            })
            .sum()
    });
    needed <= ui.available_width()
}

/// The space between two status buttons.
const STATUS_SPACING: f32 = 2.0;

/// A claim's check status as a row of buttons, the current one lit; a click sets it
/// (Alt+S steps it on).
fn status_ui(ui: &mut Ui, values: &[String], stored: &str, span: SpanId, out: &mut Vec<Command>) {
    let current = if stored.is_empty() {
        values.first().map_or("", String::as_str)
    } else {
        stored
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = STATUS_SPACING;
        for v in values {
            let on = v == current;
            let response = ui
                .selectable_label(on, v.as_str())
                .on_hover_text("Alt+S: the next status");
            if response.clicked() && !on {
                out.push(
                    EditCommand::SetAttribute(span, claims::STATUS.to_owned(), v.clone()).into(),
                );
            }
        }
        if !values.iter().any(|v| v == current) {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{current} (not a status)"),
            );
        }
    });
}

/// The completion list under `field`: `names`, the `highlighted` one marked, moved by
/// ↓ / ↑ when `keys`. Returns the name clicked and where the list is.
fn completions_ui(
    ui: &Ui,
    field: &egui::Response,
    names: &[String],
    highlighted: &mut Option<usize>,
    keys: bool,
) -> (Option<String>, Option<Rect>) {
    if names.is_empty() {
        *highlighted = None;
        return (None, None);
    }
    if keys {
        let (down, up) = ui.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp)));
        let last = names.len() - 1;
        *highlighted = match (*highlighted, down, up) {
            (None, true, _) => Some(0),
            (Some(h), true, _) => Some((h + 1).min(last)),
            (Some(0), _, true) => None,
            (Some(h), _, true) => Some(h - 1),
            (h, _, _) => h.filter(|&h| h <= last),
        };
    }
    let mut picked = None;
    let shown = egui::Popup::from_response(field)
        .id(field.id.with("completions"))
        .open(true)
        .close_behavior(egui::PopupCloseBehavior::IgnoreClicks)
        .width(field.rect.width())
        .accessible_name("Speakers in the project")
        .show(|ui| {
            for (i, name) in names.iter().enumerate() {
                let row = ui.add(
                    egui::Button::selectable(*highlighted == Some(i), name.as_str())
                        .min_size(egui::vec2(ui.available_width(), 0.0)),
                );
                if row.clicked() {
                    picked = Some(name.clone());
                }
            }
        });
    (picked, shown.map(|s| s.response.rect))
}
