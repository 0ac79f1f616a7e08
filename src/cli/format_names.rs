//! The formats as the command line names them: clap reads [`ExportFormat`] and
//! [`ImportFormat`] through their own names and one-line descriptions, so the formats
//! layer needs no clap and no second list of formats exists.

use crate::formats::ExportFormat;
use crate::formats::import::ImportFormat;
use clap::ValueEnum;
use clap::builder::PossibleValue;

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.help()))
    }
}

impl ValueEnum for ImportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.help()))
    }
}
