//! The document list: every document of the project with its status (settable) and
//! its span count per label; clicking one shows it. Under the current one, its source
//! (URL, outlet, authors, date, language: [`source_form`](super::source_form)).

use super::source_form;
use super::theme::{self, label_color};
use crate::model::Status;
use crate::session::Session;
use crate::session::{Command, EditCommand, ViewCommand};
use egui::{RichText, Ui};

pub fn documents_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    ui.heading("Documents");
    if session.project().documents().is_empty() {
        ui.weak(
            "No documents yet: File → Open articles (Ctrl+O), or drop text files on the window.",
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for doc in session.project().documents() {
                let current = session.current() == Some(doc.id);
                ui.push_id(doc.id.0, |ui| {
                    let name = ui.selectable_label(current, RichText::new(&doc.name).strong());
                    let source = source_form::summary(&doc.meta);
                    let name = if source.is_empty() {
                        name
                    } else {
                        name.on_hover_text(source)
                    };
                    if name.clicked() {
                        out.push(ViewCommand::ShowDocument(doc.id).into());
                    }
                    // Wrapped: with more labels than fit beside the status, the counts
                    // go on to the next line instead of past the panel's edge.
                    ui.horizontal_wrapped(|ui| {
                        let mut status = doc.status;
                        egui::ComboBox::from_id_salt("status")
                            .selected_text(status.as_str())
                            .width(theme::STATUS_BOX_WIDTH)
                            .show_ui(ui, |ui| {
                                for s in [Status::New, Status::InProgress, Status::Done] {
                                    ui.selectable_value(&mut status, s, s.as_str());
                                }
                            })
                            .response
                            .accessible_name(format!("Status of {}", doc.name));
                        if status != doc.status {
                            out.push(EditCommand::SetStatus(doc.id, status).into());
                        }
                        for label in session.project().labels.iter() {
                            let n = doc.count_label(&label.name);
                            let labels = &session.project().labels;
                            let color = label_color(labels, &label.name);
                            ui.label(RichText::new(n.to_string()).color(color))
                                .on_hover_text(format!("{n} {} spans", label.name));
                        }
                    });
                    if current {
                        source_form::source_form_ui(ui, doc, out);
                    }
                    ui.separator();
                });
            }
        });
}
