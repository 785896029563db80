//! The mail platforms the assistant covers, and what differs between them.

use serde::{Deserialize, Serialize};

use crate::domain::named::{by_id, by_name};

/// A version of Exchange, or Exchange Online. Saved and carried by its stable id, such as
/// `exchange-2016`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum Platform {
    #[default]
    Exchange2003,
    Exchange2007,
    Exchange2010,
    Exchange2013,
    Exchange2016,
    Exchange2019,
    ExchangeSe,
    ExchangeOnline,
}

/// Platforms that are configured the same way share a family: its steps and its files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// An SMTP connector in Exchange System Manager (docs/facts.md §0, §1).
    Exchange2003,
    /// A send connector, 2007 to Subscription Edition (docs/facts.md §3).
    SendConnector,
    /// An outbound connector in Exchange Online (docs/facts.md §4).
    ExchangeOnline,
}

impl Platform {
    pub const ALL: [Platform; 8] = [
        Platform::Exchange2003,
        Platform::Exchange2007,
        Platform::Exchange2010,
        Platform::Exchange2013,
        Platform::Exchange2016,
        Platform::Exchange2019,
        Platform::ExchangeSe,
        Platform::ExchangeOnline,
    ];

    /// Stable: saved settings, progress and links use it.
    pub fn id(self) -> &'static str {
        match self {
            Platform::Exchange2003 => "exchange-2003",
            Platform::Exchange2007 => "exchange-2007",
            Platform::Exchange2010 => "exchange-2010",
            Platform::Exchange2013 => "exchange-2013",
            Platform::Exchange2016 => "exchange-2016",
            Platform::Exchange2019 => "exchange-2019",
            Platform::ExchangeSe => "exchange-se",
            Platform::ExchangeOnline => "exchange-online",
        }
    }

    pub fn from_id(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|platform| platform.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Platform::Exchange2003 => "Exchange Server 2003",
            Platform::Exchange2007 => "Exchange Server 2007",
            Platform::Exchange2010 => "Exchange Server 2010",
            Platform::Exchange2013 => "Exchange Server 2013",
            Platform::Exchange2016 => "Exchange Server 2016",
            Platform::Exchange2019 => "Exchange Server 2019",
            Platform::ExchangeSe => "Exchange Server Subscription Edition",
            Platform::ExchangeOnline => "Exchange Online (Microsoft 365)",
        }
    }

    pub fn family(self) -> Family {
        match self {
            Platform::Exchange2003 => Family::Exchange2003,
            Platform::ExchangeOnline => Family::ExchangeOnline,
            _ => Family::SendConnector,
        }
    }

    /// 2007 and 2010 are managed in the Exchange Management Console; 2013 and later in the
    /// Exchange admin center (docs/facts.md §3.3).
    pub fn has_console(self) -> bool {
        matches!(self, Platform::Exchange2007 | Platform::Exchange2010)
    }

    /// The role of the servers that send through a send connector: Hub Transport on 2007 and
    /// 2010, Mailbox on 2013 and later (docs/facts.md §3.2).
    pub fn source_role(self) -> &'static str {
        if self.has_console() {
            "Hub Transport"
        } else {
            "Mailbox"
        }
    }
}

by_id!(Platform);

/// Exchange 2007's release: the first one scopes a connector with a `Local:` address space
/// prefix; Service Pack 1 added `-IsScopedConnector` (docs/facts.md §3.3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Release2007 {
    Rtm,
    #[default]
    ServicePack,
}

by_name!(Release2007 { Release2007::Rtm => "rtm", Release2007::ServicePack => "service-pack" });
