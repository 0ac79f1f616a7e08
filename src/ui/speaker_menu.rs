//! "Use selection as speaker", in the article's context menu. A user reviewing a quote
//! selects it, sees who said it in the text, drags over the name and right-clicks; but
//! a text selection clears the session's selected span. So the window remembers the
//! span selected last (in egui's memory, a view matter, never the project's), and the
//! menu on a selected name offers that quote, and the quote nearest the name when it
//! is another one. Taking one is one undoable edit
//! ([`EditCommand::SpeakerFromSelection`]).

use super::preview;
use crate::model::stats::SPEAKER;
use crate::model::{CharRange, Document, LabelSet, Span, SpanId};
use crate::session::{Command, EditCommand, Session};
use egui::{Context, Id, Ui};

/// Where the span selected last is kept.
fn last_span_id() -> Id {
    Id::unique("spanmark-last-selected-span")
}

/// Remembers the span selected now, if any: call every frame.
pub fn remember_selected_span(ctx: &Context, session: &Session) {
    let Some(span) = session.selected_span() else {
        return;
    };
    let id = last_span_id();
    if ctx.data(|d| d.get_temp::<SpanId>(id)) != Some(span) {
        ctx.data_mut(|d| d.insert_temp(id, span));
    }
}

/// Does `span`'s label offer a speaker?
fn takes_speaker(labels: &LabelSet, span: &Span) -> bool {
    labels
        .get(&span.label)
        .is_some_and(|l| l.field(SPEAKER).is_some())
}

/// The spans of `doc` a name selected at `name` may be the speaker of: the one selected
/// last (`last`) if it takes a speaker, then the nearest one that does (before the name
/// when two are as near); at most two.
pub fn speaker_targets(
    doc: &Document,
    labels: &LabelSet,
    name: CharRange,
    last: Option<SpanId>,
) -> Vec<SpanId> {
    let mut targets: Vec<SpanId> = last
        .and_then(|id| doc.span(id))
        .filter(|s| takes_speaker(labels, s))
        .map(|s| s.id)
        .into_iter()
        .collect();
    let distance = |s: &Span| {
        if s.range.end <= name.start {
            name.start.0 - s.range.end.0
        } else {
            s.range.start.0.saturating_sub(name.end.0)
        }
    };
    let nearest = doc
        .spans()
        .iter()
        .filter(|s| takes_speaker(labels, s))
        .min_by_key(|s| (distance(s), s.range.start > name.start));
    if let Some(nearest) = nearest.filter(|s| !targets.contains(&s.id)) {
        targets.push(nearest.id);
    }
    targets
}

/// The menu's entries: one per quote the selected name may be the speaker of.
pub fn use_as_speaker_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    let Some(doc) = session.document() else {
        return;
    };
    let labels = &session.project().labels;
    if !labels.iter().any(|l| l.field(SPEAKER).is_some()) {
        return;
    }
    let Some(name) = session.selection() else {
        // A quote is selected: say how its speaker can come from the text.
        if session
            .selected_span()
            .and_then(|id| doc.span(id))
            .is_some_and(|s| takes_speaker(labels, s))
        {
            ui.add_enabled(false, egui::Button::new("Use selection as speaker"))
                .on_disabled_hover_text(
                    "Select the speaker's name in the text, then right-click it",
                );
            ui.separator();
        }
        return;
    };
    let last = ui.ctx().data(|d| d.get_temp::<SpanId>(last_span_id()));
    let targets = speaker_targets(doc, labels, name, last);
    if targets.is_empty() {
        ui.add_enabled(false, egui::Button::new("Use as speaker (no quote here)"));
    }
    let selected = preview(doc.slice(name).unwrap_or(""), 40);
    for id in targets {
        let Some(span) = doc.span(id) else {
            continue;
        };
        let quote = preview(doc.slice(span.range).unwrap_or(""), 24);
        let entry = ui
            .button(format!("Use as speaker of “{quote}”"))
            .on_hover_text(format!(
                "The {} {id} gets the speaker “{selected}”",
                span.label
            ));
        if entry.clicked() {
            out.push(EditCommand::SpeakerFromSelection(id).into());
            ui.close();
        }
    }
    ui.separator();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_last_selected_quote_comes_first_then_the_nearest() {
        let project = fixture::project(
            "p",
            &[(
                "a.txt",
                "[quote:One], she said. [claim:Two.] Anna said: [quote:Three] and [quote:Four].",
            )],
        );
        let doc = &project.documents()[0];
        let labels = &project.labels;
        let text = doc.text();
        let at = |needle: &str| {
            let start = text[..text.find(needle).unwrap_or(0)].chars().count();
            CharRange::new(start, start + needle.chars().count())
        };
        let id = |needle: &str| {
            doc.spans()
                .iter()
                .find(|s| doc.slice(s.range) == Some(needle))
                .map(|s| s.id)
        };
        let anna = at("Anna");
        // Nearest: "Three" after the name (", she said" is farther off).
        assert_eq!(
            speaker_targets(doc, labels, anna, None),
            [id("Three").unwrap()]
        );
        // The quote selected last comes first.
        assert_eq!(
            speaker_targets(doc, labels, anna, id("One")),
            [id("One").unwrap(), id("Three").unwrap()]
        );
        assert_eq!(
            speaker_targets(doc, labels, anna, id("Three")),
            [id("Three").unwrap()]
        );
        // A claim takes no speaker: only the nearest quote is offered.
        assert_eq!(
            speaker_targets(doc, labels, anna, id("Two.")),
            [id("Three").unwrap()]
        );
        // As near before as after: the one before.
        let she = at("she");
        assert_eq!(
            speaker_targets(doc, labels, she, None),
            [id("One").unwrap()]
        );
    }
}
