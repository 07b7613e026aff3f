//! coachlog: a keyboard-first terminal app in which instructional coaches and principals
//! keep the growth record of individual teachers, in one local SQLite file.

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod dates;
pub mod db;
pub mod demo;
pub mod editor;
pub mod export;
pub mod model;
pub mod platform;
pub mod private_file;
pub mod run;
pub mod text;
pub mod tui;
pub mod ui;
