//! The menu bar, the label bar under it and the status bar at the bottom; the View
//! menu's side-panel switches and the Help menu's windows ([`help`]).

pub mod about;
pub mod help;

use super::theme::label_color;
use super::{label_keys_text, preview};
use crate::formats::ExportFormat;
use crate::formats::desk::DeskExport;
use crate::formats::import::ImportFormat;
use crate::model::claims;
use crate::session::Session;
use crate::session::{Command, EditCommand, FileCommand, SuggestionCommand, WindowPart};
use crate::ui::actions::{Action, VERDICT_KEYS};
use egui::{Button, Label, RichText, Ui};
use std::path::PathBuf;

/// Which side panels show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SidePanelsShown {
    pub documents: bool,
    pub spans: bool,
    /// The spans panel shows its Statistics tab.
    pub statistics: bool,
    /// The spans panel shows its Claims tab.
    pub claims: bool,
}

/// Where the menu bar ends: windows open below it.
pub struct MenuBar {
    pub bottom: f32,
}

fn action_button(ui: &mut Ui, action: Action, enabled: bool, out: &mut Vec<Command>) {
    let mut button = Button::new(action.name());
    let keys = action.shortcut_text(ui.ctx());
    // Without keys, no shortcut text: a screen reader reads the name alone.
    if !keys.is_empty() {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(action.command());
        ui.close();
    }
}

/// Edit → Claim: the selected claim's next status and its verdict, each with its key.
fn claim_menu_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    let project = session.project();
    let is_claim = session
        .selected_span()
        .and_then(|s| project.find_span(s))
        .and_then(|(_, s)| project.labels.get(&s.label))
        .is_some_and(claims::is_claim_label);
    ui.add_enabled_ui(is_claim, |ui| {
        ui.menu_button("Claim", |ui| {
            action_button(ui, Action::StepClaimStatus, true, out);
            ui.separator();
            for (i, verdict) in claims::verdict_scale(project).iter().enumerate() {
                let mut button = Button::new(format!("Verdict: {verdict}"));
                if let Ok(n) = u8::try_from(i)
                    && i < VERDICT_KEYS
                {
                    button = button.shortcut_text(Action::SetVerdict(n).shortcut_text(ui.ctx()));
                }
                if ui.add(button).clicked() {
                    out.push(EditCommand::SetVerdict(i).into());
                    ui.close();
                }
            }
        });
    });
}

/// The menu bar; `panels`: which side panels show (ticked in the View menu).
pub fn menu_bar_ui(
    ui: &mut Ui,
    session: &Session,
    recent: &[PathBuf],
    panels: SidePanelsShown,
    out: &mut Vec<Command>,
) -> MenuBar {
    // A window part's entry, ticked while it shows (`on`).
    let switch = |ui: &mut Ui, part: WindowPart, on: Option<bool>, out: &mut Vec<Command>| {
        let action = Action::Toggle(part);
        let name = action.name();
        let mut button = match on {
            Some(on) => Button::selectable(on, name),
            None => Button::new(name),
        };
        let keys = action.shortcut_text(ui.ctx());
        if !keys.is_empty() {
            button = button.shortcut_text(keys);
        }
        if ui.add(button).clicked() {
            out.push(action.command());
            ui.close();
        }
    };
    let response = egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button(ui, Action::NewProject, true, out);
            action_button(ui, Action::OpenArticles, true, out);
            action_button(ui, Action::OpenProject, true, out);
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(FileCommand::OpenPath(path.clone()).into());
                        ui.close();
                    }
                }
            });
            action_button(ui, Action::AddLayers, true, out);
            ui.separator();
            action_button(ui, Action::Save, true, out);
            action_button(ui, Action::SaveAs, true, out);
            ui.separator();
            let any = !session.project().documents().is_empty();
            // A submenu: with every format in the File menu itself, a laptop screen at a
            // large zoom could not show its last items.
            ui.add_enabled_ui(any, |ui| {
                ui.menu_button("Export", |ui| {
                    for format in ExportFormat::ALL {
                        action_button(ui, Action::Export(format), any, out);
                    }
                });
            });
            ui.add_enabled_ui(any, |ui| {
                ui.menu_button("Fact-check desk", |ui| {
                    for export in DeskExport::ALL {
                        if ui.button(format!("Export {}…", export.title())).clicked() {
                            out.push(FileCommand::ExportDesk(export).into());
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button("Import", |ui| {
                for format in ImportFormat::ALL {
                    if ui.button(format!("{}…", format.title())).clicked() {
                        out.push(FileCommand::Import(format).into());
                        ui.close();
                    }
                }
            });
            ui.separator();

            action_button(ui, Action::Quit, true, out);
        });
        ui.menu_button("Edit", |ui| {
            action_button(ui, Action::Undo, session.history().can_undo(), out);
            action_button(ui, Action::Redo, session.history().can_redo(), out);
            ui.separator();
            action_button(ui, Action::Find, session.document().is_some(), out);
            action_button(ui, Action::Copy, session.selected_text().is_some(), out);
            action_button(
                ui,
                Action::DeleteSpan,
                session.selected_span().is_some(),
                out,
            );
            action_button(ui, Action::NextSpan, session.document().is_some(), out);
            action_button(ui, Action::PrevSpan, session.document().is_some(), out);
            action_button(ui, Action::ClearSelection, true, out);
            ui.separator();
            action_button(ui, Action::GoToStart, session.document().is_some(), out);
            action_button(ui, Action::GoToEnd, session.document().is_some(), out);
            ui.separator();
            action_button(ui, Action::MarkDone, session.document().is_some(), out);
            ui.separator();
            let selected = session.selected_span().is_some();
            action_button(ui, Action::EditFields, selected, out);
            claim_menu_ui(ui, session, out);
            ui.separator();
            switch(ui, WindowPart::Labels, None, out);
            if !session.layers().is_empty() {
                ui.separator();
                let listed = session
                    .layers()
                    .units()
                    .is_some_and(|u| !u.disagreements.is_empty());
                let chosen = session.layers().selected().is_some();
                action_button(ui, Action::NextDisagreement, listed, out);
                action_button(ui, Action::PrevDisagreement, listed, out);
                action_button(ui, Action::TakeAll, chosen, out);
                action_button(ui, Action::TakeNone, chosen, out);
                action_button(ui, Action::AcceptAgreed, session.document().is_some(), out);
            }
        });
        ui.menu_button("View", |ui| {
            switch(ui, WindowPart::DocumentsPanel, Some(panels.documents), out);
            switch(ui, WindowPart::SpansPanel, Some(panels.spans), out);
            switch(ui, WindowPart::Statistics, Some(panels.statistics), out);
            switch(ui, WindowPart::Claims, Some(panels.claims), out);
            ui.separator();
            egui::gui_zoom::zoom_menu_buttons(ui);
            ui.separator();
            ui.label("Theme");
            egui::widgets::global_theme_preference_buttons(ui);
        });
        ui.menu_button("Help", |ui| {
            switch(ui, WindowPart::KeyboardHelp, None, out);
            switch(ui, WindowPart::Guidelines, None, out);
            ui.separator();
            switch(ui, WindowPart::About, None, out);
        });
    });
    MenuBar {
        bottom: response.response.rect.bottom(),
    }
}

/// The label buttons and the Suggest switches; on a narrow window they wrap.
pub fn label_bar_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let can_tag = session.selection().is_some() || session.selected_span().is_some();
        ui.label("Tag:");
        for (i, label) in session.project().labels.iter().enumerate() {
            let keys = label_keys_text(ui.ctx(), label.key, i);
            let text = RichText::new(format!("{}  {keys}", label.name))
                .color(label_color(&session.project().labels, &label.name))
                .strong();
            let response = ui
                .add_enabled(can_tag, Button::new(text))
                .on_hover_text(format!("Tag the selection as {} ({keys})", label.name))
                .on_disabled_hover_text("Select text in the article first");
            if response.clicked() {
                out.push(EditCommand::Tag(label.name.clone()).into());
            }
        }
        ui.separator();
        ui.label("Suggest:");
        for label in session
            .project()
            .labels
            .iter()
            .filter(|l| ["quote", "claim", "figure"].contains(&l.name.as_str()))
        {
            let mut on = session.suggestions().labels().contains(&label.name);
            let text = RichText::new(&label.name)
                .color(label_color(&session.project().labels, &label.name));
            if ui
                .checkbox(&mut on, text)
                .on_hover_text(format!(
                    "Show suggested {} spans (Enter accepts, Backspace rejects, N next)",
                    label.name
                ))
                .changed()
            {
                out.push(SuggestionCommand::Toggle(label.name.clone()).into());
            }
        }
    });
}

/// The status bar: the selection (or the selected span) on the left; saved or not, the
/// span counts and the project's path on the right. Texts that do not fit are cut
/// with "…" (hover shows them whole): the counts and the path keep at most a quarter
/// and a fifth of the bar (a narrow bar leaves the path out), the left text has the rest.
pub fn status_bar_ui(ui: &mut Ui, session: &Session) {
    ui.horizontal(|ui| status_row_ui(ui, session));
}

fn status_row_ui(ui: &mut Ui, session: &Session) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let bar = ui.available_width();
        let saved = if session.is_dirty() {
            "Unsaved changes"
        } else {
            "Saved"
        };
        ui.label(saved);
        if let Some(why) = &session.read_only() {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "Read-only")
                .on_hover_text(format!("Not saved to this file: {}", why.reason()));
        }
        if let Some(coder) = &session.project().coder {
            ui.separator();
            ui.label(format!("Coder: {coder}")).on_hover_text(
                "This file is one coder's share of a team's project (spanmark assign)",
            );
        }
        ui.separator();
        // The counts keep at most a quarter of the bar and the path a fifth: the
        // selection on the left has the rest.
        let in_doc = session.document().map_or(0, |d| d.spans().len());
        let counts = format!(
            "{in_doc} spans here, {} in the project",
            session.project().span_count()
        );
        at_most_ui(ui, bar / 4.0, Label::new(counts).truncate());
        ui.separator();
        if let Some(path) = session.path().filter(|_| bar >= PATH_BAR_WIDTH) {
            let path = RichText::new(path.display().to_string()).weak();
            at_most_ui(ui, bar / 5.0, Label::new(path).truncate());
            ui.separator();
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let text = if let (Some(sel), Some(doc)) = (session.selection(), session.document()) {
                let text = doc.slice(sel).unwrap_or("");
                RichText::new(format!(
                    "Selected {}–{} ({} characters): {}",
                    sel.start,
                    sel.end,
                    sel.len_chars(),
                    preview(text, 40)
                ))
            } else if let Some((_, span)) = session
                .selected_span()
                .and_then(|s| session.project().find_span(s))
            {
                RichText::new(format!(
                    "Span {}: {} {}–{}",
                    span.id, span.label, span.range.start, span.range.end
                ))
            } else {
                RichText::new("Drag over text to select it; click a highlight to select a span.")
                    .weak()
            };
            ui.add(Label::new(text).truncate());
        });
    });
}

/// The status bar shows the project's path only when at least this wide.
const PATH_BAR_WIDTH: f32 = 560.0;

/// `label`, at most `width` wide (cut with "…" beyond).
fn at_most_ui(ui: &mut Ui, width: f32, label: Label) {
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(label);
    });
}
