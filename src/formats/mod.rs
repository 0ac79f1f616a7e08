//! Exports and imports.
