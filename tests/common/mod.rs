//! Strategies shared by the property tests: any settings, progress and saved state the app
//! can hold, every choice's every value included.

use proptest::prelude::*;
use smarthost_assistant::domain::platform::{Platform, Release2007};
use smarthost_assistant::domain::progress::Progress;
use smarthost_assistant::domain::saved::{Saved, Theme};
use smarthost_assistant::domain::settings::{Connector, Field, Scope, Settings};

/// Settings with every choice at any of its values and every field holding `value`'s text.
pub fn any_settings_of(value: impl Strategy<Value = String>) -> impl Strategy<Value = Settings> {
    let connector = prop::sample::select(vec![Connector::Unanswered, Connector::New, Connector::Existing]);
    let choices = (0..Platform::ALL.len(), any::<bool>(), connector, any::<bool>(), any::<bool>());
    (choices, proptest::collection::vec(value, Field::ALL.len())).prop_map(
        |((platform, rtm, connector, local, replace), values)| {
            let mut settings = Settings::default();
            settings.platform = Platform::ALL[platform];
            settings.release_2007 = if rtm { Release2007::Rtm } else { Release2007::ServicePack };
            settings.connector = connector;
            settings.scope = if local { Scope::Local } else { Scope::Organization };
            settings.replace_address_space = replace;
            for (field, value) in Field::ALL.into_iter().zip(values) {
                settings.set(field, value);
            }
            settings
        },
    )
}

pub fn any_progress() -> impl Strategy<Value = Progress> {
    proptest::collection::vec((0..Platform::ALL.len(), "[a-z-]{1,20}"), 0..30).prop_map(|steps| {
        let mut progress = Progress::default();
        for (platform, step) in steps {
            progress.toggle(Platform::ALL[platform], &step);
        }
        progress
    })
}

pub fn any_theme() -> impl Strategy<Value = Theme> {
    prop::sample::select(vec![Theme::System, Theme::Light, Theme::Dark])
}

pub fn any_saved_of(value: impl Strategy<Value = String>) -> impl Strategy<Value = Saved> {
    (any_settings_of(value), any_progress(), any_theme()).prop_map(|(settings, progress, theme)| Saved {
        settings,
        progress,
        theme,
    })
}
