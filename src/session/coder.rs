//! Who makes the spans of a session, and the one clock that says when: every span the
//! session adds gets its [`Provenance`] from [`Session::provenance`], so model and edit
//! code never read the time. The name is the one the user gave (the window's "Your
//! name", `--coder` on the command line), else git's `user.name`, else the login name
//! (`$USER`, `$USERNAME`). Tests set a fixed name and time.

use super::Session;
use crate::model::provenance::is_valid_who;
use crate::model::{How, Provenance};
use std::sync::OnceLock;

/// The session's coder and clock.
#[derive(Clone, Debug, Default)]
pub(super) struct Stamper {
    /// The name the user gave, if any.
    coder: Option<String>,
    /// A fixed time (`YYYY-MM-DDTHH:MM:SSZ`) instead of the system clock.
    fixed_time: Option<String>,
}

/// The name used when none is given: git's `user.name`, else the login name, else
/// `unknown`. Looked up once per process.
pub fn default_coder() -> String {
    static DEFAULT: OnceLock<String> = OnceLock::new();
    DEFAULT
        .get_or_init(|| {
            git_user_name()
                .or_else(|| login_name("USER"))
                .or_else(|| login_name("USERNAME"))
                .unwrap_or_else(|| "unknown".to_owned())
        })
        .clone()
}

/// `git config user.name`, if git is there and has one.
fn git_user_name() -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    usable(String::from_utf8_lossy(&out.stdout).trim())
}

fn login_name(variable: &str) -> Option<String> {
    usable(std::env::var(variable).ok()?.trim())
}

fn usable(name: &str) -> Option<String> {
    Some(name.to_owned()).filter(|n| is_valid_who(n))
}

/// A name as the user typed it, made usable: blanks at the ends and line breaks go.
/// `None` when nothing is left.
pub fn cleaned_coder(name: &str) -> Option<String> {
    let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
    usable(&joined)
}

impl Session {
    /// The name the spans made in this session record.
    pub fn coder(&self) -> String {
        self.stamper.coder.clone().unwrap_or_else(default_coder)
    }

    /// Did the user give the name (rather than it coming from git or the login)?
    pub fn coder_given(&self) -> bool {
        self.stamper.coder.is_some()
    }

    /// Sets the name (`None`: back to the default). A name that is blank is `None`.
    pub fn set_coder(&mut self, name: Option<&str>) {
        self.stamper.coder = name.and_then(cleaned_coder);
    }

    /// Fixes the time spans record (`YYYY-MM-DDTHH:MM:SSZ`), or goes back to the
    /// system clock (`None`). For tests and reproducible runs.
    pub fn set_clock(&mut self, fixed: Option<&str>) {
        self.stamper.fixed_time = fixed.map(str::to_owned);
    }

    /// Keeps the coder and clock of `other` (a session being replaced by this one).
    pub fn keep_coder(&mut self, other: &Session) {
        self.stamper = other.stamper.clone();
    }

    /// Now, as spans record it.
    pub fn now(&self) -> String {
        match &self.stamper.fixed_time {
            Some(time) => time.clone(),
            None => crate::shown::utc_second(std::time::SystemTime::now()),
        }
    }

    /// The provenance of a span this session makes now, `how`.
    pub fn provenance(&self, how: How) -> Provenance {
        Provenance {
            who: self.coder(),
            when: self.now(),
            how,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_the_default_is_never_empty() {
        assert_eq!(cleaned_coder("  Ann \n Lee ").as_deref(), Some("Ann Lee"));
        assert_eq!(cleaned_coder(" \t "), None);
        assert!(is_valid_who(&default_coder()));
        let mut session = Session::untitled();
        session.set_coder(Some(" bo "));
        session.set_clock(Some("2026-03-01T09:15:00Z"));
        let p = session.provenance(How::Manual);
        assert_eq!(p.describe(), "manual, by bo, 2026-03-01T09:15:00Z");
        session.set_clock(None);
        assert!(crate::model::provenance::is_utc_second(&session.now()));
    }

    fn session_on(markup: &str) -> Session {
        let project = crate::fixture::project("p", &[("a.txt", markup)]);
        let mut session = Session::new(project, None, true);
        session.set_coder(Some("ann"));
        session.set_clock(Some("2026-03-01T09:15:00Z"));
        session
    }

    fn made(session: &Session) -> Vec<Option<Provenance>> {
        session.project().documents()[0]
            .spans()
            .iter()
            .map(|s| s.provenance.as_deref().cloned())
            .collect()
    }

    #[test]
    fn tagging_records_manual_and_undo_redo_restore_it_exactly() {
        use crate::model::CharRange;
        use crate::session::{EditCommand, SessionCommand, ViewCommand};
        let mut session = session_on("Kyiv was hit. Drones fell.");
        let select = ViewCommand::Select(Some(CharRange::new(0, 4)));
        session.apply(SessionCommand::View(select)).unwrap();
        let tag = EditCommand::Tag("claim".into());
        session.apply(SessionCommand::Edit(tag)).unwrap();
        let manual = Some(Provenance::new("ann", "2026-03-01T09:15:00Z", How::Manual));
        assert_eq!(made(&session), std::slice::from_ref(&manual));
        // A later clock: redo brings the span back as it was made, not remade.
        session.set_clock(Some("2027-01-01T00:00:00Z"));
        session.apply(SessionCommand::Undo).unwrap();
        assert!(made(&session).is_empty());
        session.apply(SessionCommand::Redo).unwrap();
        assert_eq!(made(&session), [manual]);
    }

    #[test]
    fn accepting_a_suggestion_records_its_rule_and_confidence() {
        use crate::session::{SessionCommand, SuggestionCommand};
        let mut session = session_on("“We will win,” Zelensky said as 270 drones fell.");
        let show = SuggestionCommand::Toggle("figure".into());
        session.apply(SessionCommand::Suggestion(show)).unwrap();
        let accept = SuggestionCommand::AcceptAll("figure".into());
        session.apply(SessionCommand::Suggestion(accept)).unwrap();
        let all = made(&session);
        assert_eq!(all.len(), 1);
        let p = all[0].clone().unwrap();
        assert_eq!((p.who.as_str(), p.how.name()), ("ann", "suggested"));
        let How::Suggested { rule, confidence } = p.how else {
            unreachable!()
        };
        assert!(
            !rule.is_empty() && confidence.as_f64() >= 0.5,
            "{rule} {confidence}"
        );
    }

    #[test]
    fn an_import_keeps_the_files_provenance_and_stamps_the_rest() {
        use crate::formats::{import, json};
        let mut from = crate::fixture::project("x", &[("a.txt", "[claim:Kyiv] was [figure:hit].")]);
        let doc = from.documents()[0].id;
        let bo = Provenance::new("bo", "2025-05-05T05:05:05Z", How::Manual);
        let first = from.documents()[0].spans()[0].id;
        let mut span = from.remove_span(doc, first).unwrap();
        span.provenance = Some(Box::new(bo.clone()));
        from.insert_span(doc, span);
        let file = import::parse(&json::render(&json::build(&from))).unwrap();
        let mut session = session_on("Kyiv was hit.");
        let mut imported = import::Imported::clean(file);
        imported.format = "json";
        session.import(imported).unwrap();
        let stamped = Provenance::new(
            "ann",
            "2026-03-01T09:15:00Z",
            How::Imported {
                format: "json".into(),
            },
        );
        assert_eq!(made(&session), [Some(bo), Some(stamped)]);
    }

    #[test]
    fn taking_a_coders_version_records_adjudicated_from_those_who_gave_it() {
        use crate::session::layers::{Layer, Take};
        use crate::session::{AdjudicateCommand, SessionCommand};
        use std::sync::Arc;
        let layer = |name: &str, markup: &str| Layer {
            name: name.to_owned(),
            path: None,
            project: Arc::new(crate::fixture::project(name, &[("a.txt", markup)])),
        };
        let mut session = session_on("Kyiv was hit by 270 drones.");
        let add = AdjudicateCommand::AddLayers(vec![
            layer("ann", "[claim:Kyiv was hit] by [figure:270 drones]."),
            layer("bo", "[claim:Kyiv was hit] by 270 [figure:drones]."),
            layer("cy", "Kyiv was hit by [figure:270 drones]."),
        ]);
        session.apply(SessionCommand::Adjudicate(add)).unwrap();
        let figure = session
            .layers()
            .units()
            .and_then(|u| {
                u.disagreements
                    .iter()
                    .position(|&i| u.all[i].range.start.0 == 16)
            })
            .unwrap();
        let take = AdjudicateCommand::TakeAt(figure, Take::Coder(2));
        session.apply(SessionCommand::Adjudicate(take)).unwrap();
        let from = |coders: &[&str]| {
            Some(Provenance::new(
                "ann",
                "2026-03-01T09:15:00Z",
                How::Adjudicated {
                    coders: coders.iter().map(|c| (*c).to_owned()).collect(),
                },
            ))
        };
        // Cy's figure, which Ann gave too.
        assert_eq!(made(&session), [from(&["ann", "cy"])]);
    }
}
