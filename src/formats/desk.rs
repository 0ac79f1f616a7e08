//! The fact-check desk's files as one list, so the window's File menu and
//! `spanmark claims` write the same bytes and say the same notes: the claims CSV (every
//! claim), ClaimReview JSON-LD (the checked ones, and why others were left out) and the
//! HTML report ([`crate::report`]).

use super::{claim_review, claims_csv};
use crate::model::Project;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskExport {
    ClaimsCsv,
    ClaimReview,
    /// The project's HTML report.
    Report,
}

/// A desk file rendered: its bytes, how many claims it holds, what the user should
/// know about what it left out.
#[derive(Debug)]
pub struct DeskFile {
    pub bytes: Vec<u8>,
    pub claims: usize,
    pub notes: Vec<String>,
}

impl DeskExport {
    pub const ALL: [DeskExport; 3] = [
        DeskExport::ClaimsCsv,
        DeskExport::ClaimReview,
        DeskExport::Report,
    ];

    /// The entry's name in the File menu.
    pub fn title(self) -> &'static str {
        match self {
            DeskExport::ClaimsCsv => "Claims CSV",
            DeskExport::ClaimReview => "ClaimReview JSON-LD",
            DeskExport::Report => "HTML report",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DeskExport::ClaimsCsv => "csv",
            DeskExport::ClaimReview => "json",
            DeskExport::Report => "html",
        }
    }

    /// The file name offered for project `name`.
    pub fn suggested_name(self, name: &str) -> String {
        match self {
            DeskExport::ClaimsCsv => format!("{name} claims.csv"),
            DeskExport::ClaimReview => format!("{name} claimreview.json"),
            DeskExport::Report => format!("{name} report.html"),
        }
    }

    /// What the file holds, in a few words: `4 claims`, `2 ClaimReviews`.
    pub fn count_phrase(self, count: usize) -> String {
        let (one, many) = match self {
            DeskExport::ClaimsCsv => ("claim", "claims"),
            DeskExport::ClaimReview => ("ClaimReview", "ClaimReviews"),
            DeskExport::Report => {
                let s = if count == 1 { "" } else { "s" };
                return format!("the HTML report ({count} claim{s})");
            }
        };
        format!("{count} {}", if count == 1 { one } else { many })
    }

    pub fn render(self, project: &Project) -> Result<DeskFile, String> {
        match self {
            DeskExport::ClaimsCsv => {
                let bytes = claims_csv::render(project)
                    .map_err(|err| format!("cannot write the claims CSV ({err})"))?;
                Ok(DeskFile {
                    bytes,
                    claims: crate::model::claims::count(project),
                    notes: Vec::new(),
                })
            }
            DeskExport::Report => Ok(DeskFile {
                bytes: crate::report::html(project).into_bytes(),
                claims: crate::model::claims::count(project),
                notes: Vec::new(),
            }),
            DeskExport::ClaimReview => {
                let export = claim_review::claim_review(project);
                Ok(DeskFile {
                    bytes: export.to_json().into_bytes(),
                    claims: export.exported(),
                    notes: export.notes(),
                })
            }
        }
    }
}
