//! The values an administrator types or chooses, with the defaults the seed article and
//! Exchange give. Every platform uses the same values where it can, so that a value typed for
//! one carries over when the admin changes platform.

use std::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::named::{by_id, by_name};
use crate::domain::platform::{Family, Platform, Release2007};
use crate::domain::validate::limit;

/// MailRoute's outbound smarthost (docs/facts.md §5).
pub const MAILROUTE_SMART_HOST: &str = "outbound.mailroute.net";
/// The port MailRoute's smarthost takes mail on: the only one it documents (docs/facts.md §5).
pub const MAILROUTE_PORT: u16 = 25;

/// Whether the admin creates a new SMTP connector or changes one that exists. Nobody answers
/// for the admin: a server that already sends mail to the internet most likely has a
/// connector, and a second one for all mail would compete with it (review: ux.md 3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Connector {
    /// Not answered yet: the steps read as for a new connector, and nothing is made.
    #[default]
    Unanswered,
    New,
    Existing,
}

/// Where the connector may be used. On Exchange 2003 a routing-group scope is a `Local:`
/// prefix on the routingList value (docs/facts.md §1.2); from 2007 on, a scoped send
/// connector serves its Active Directory site only (docs/facts.md §3.2, §3.3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Scope {
    #[default]
    Organization,
    /// The routing group on 2003, the Active Directory site from 2007 on.
    Local,
}

by_name!(Connector { Connector::Unanswered => "unanswered", Connector::New => "new", Connector::Existing => "existing" });
by_name!(Scope { Scope::Organization => "organization", Scope::Local => "local" });

impl Connector {
    /// The answer as the admin reads it.
    pub fn describe(self) -> &'static str {
        match self {
            Connector::Unanswered => "not answered yet",
            Connector::New => "a new one",
            Connector::Existing => "the existing one",
        }
    }
}

impl Scope {
    /// The option's label in the platform's console.
    pub fn label(self, platform: Platform) -> &'static str {
        match (self, platform) {
            (Scope::Organization, Platform::Exchange2003) => "Entire organization",
            (Scope::Local, Platform::Exchange2003) => "Routing group",
            (Scope::Organization, _) => "Not scoped: every transport server in the forest",
            (Scope::Local, _) => "Scoped send connector: this Active Directory site only",
        }
    }
}

/// A value the admin types. Saved and carried by its stable id, such as `smart-hosts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum Field {
    ConnectorName,
    SmartHosts,
    Bridgehead,
    AddressSpace,
    Cost,
    AdDomain,
    Organization,
    AdminGroup,
    ServerAdminGroup,
    RoutingGroup,
    VirtualServer,
    PreviousSmartHosts,
    SourceServers,
    SpfRecord,
    /// The header of a test message as an outside mailbox received it (the header check).
    TestHeader,
    /// A bounce, a queue's last error or an SMTP reply (the error explainer).
    ErrorText,
}

by_id!(Field);

struct About {
    label: &'static str,
    noun: &'static str,
    id: &'static str,
    hint: &'static str,
    default: &'static str,
}

impl Field {
    pub const ALL: [Field; 16] = [
        Field::ConnectorName,
        Field::SmartHosts,
        Field::Bridgehead,
        Field::AddressSpace,
        Field::Cost,
        Field::AdDomain,
        Field::Organization,
        Field::AdminGroup,
        Field::ServerAdminGroup,
        Field::RoutingGroup,
        Field::VirtualServer,
        Field::PreviousSmartHosts,
        Field::SourceServers,
        Field::SpfRecord,
        Field::TestHeader,
        Field::ErrorText,
    ];

    /// A test message's header or an error: the admin's own evidence, pasted for a check.
    /// It is never taken from outside, never handed on, and not part of the runbook.
    pub fn is_evidence(self) -> bool {
        matches!(self, Field::TestHeader | Field::ErrorText)
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.id() == id)
    }

    /// These fields once each, in form order (cheaper in the download than a sort).
    pub fn in_order(fields: &[Field]) -> Vec<Field> {
        let mut ordered = Vec::new();
        for field in Field::ALL {
            if fields.contains(&field) {
                ordered.push(field);
            }
        }
        ordered
    }

    fn about(self) -> About {
        let (label, noun, id, hint, default) = match self {
            // The seed suggests this name (docs/facts.md §0).
            Field::ConnectorName => (
                "Connector name",
                "connector name",
                "connector-name",
                "How the connector is listed in the console.",
                "All Outgoing Email",
            ),
            Field::SmartHosts => (
                "Smart host",
                "smart host",
                "smart-hosts",
                "MailRoute's outbound server. Change it only if MailRoute support tells you to.",
                MAILROUTE_SMART_HOST,
            ),
            Field::Bridgehead => (
                "Bridgehead server",
                "bridgehead server",
                "bridgehead",
                "The name of the Exchange server that sends the mail, for example EXCH01.",
                "",
            ),
            Field::AddressSpace => (
                "Recipient domains (address space)",
                "recipient domains",
                "address-space",
                "Mail to these domains uses the connector: * means all outgoing mail.",
                "*",
            ),
            Field::Cost => {
                ("Cost", "cost", "cost", "1 to 100; Exchange prefers the connector with the lowest cost.", "1")
            }
            Field::AdDomain => (
                "Active Directory domain",
                "Active Directory domain",
                "ad-domain",
                "The forest root's DNS name, for example corp.example.com.",
                "",
            ),
            Field::Organization => (
                "Exchange organization",
                "Exchange organization name",
                "organization",
                "As the top of Exchange System Manager shows it, without \" (Exchange)\" after it.",
                "",
            ),
            // Exchange 2003's default group names (docs/facts.md §1.1).
            Field::AdminGroup => (
                "Administrative group",
                "administrative group",
                "admin-group",
                "Where the server is, under Administrative Groups.",
                "First Administrative Group",
            ),
            // A server belongs to the administrative group that owns it, which need not be
            // the routing group's (review m3).
            Field::ServerAdminGroup => (
                "Server's administrative group",
                "server's administrative group",
                "server-admin-group",
                "The administrative group that holds the bridgehead server, if it is another one. Empty: the one above.",
                "",
            ),
            Field::RoutingGroup => (
                "Routing group",
                "routing group",
                "routing-group",
                "Where the connector goes, under Routing Groups.",
                "First Routing Group",
            ),
            Field::VirtualServer => (
                "SMTP virtual server number",
                "SMTP virtual server number",
                "virtual-server",
                "The bridgehead's SMTP virtual server; the default one is 1.",
                "1",
            ),
            Field::PreviousSmartHosts => (
                "Smart host before the change",
                "smart host before the change",
                "previous-smart-hosts",
                "As the connector's General tab shows it now; empty if it uses DNS. The rollback file puts it back.",
                "",
            ),
            Field::SourceServers => (
                "Source servers",
                "source servers",
                "source-servers",
                "The Exchange servers that send through the connector, separated by commas, for example EX01, EX02. MailRoute must know the public IP address they send from. Needed for a new connector; for an existing one, empty keeps its own.",
                "",
            ),
            Field::SpfRecord => (
                "Your domain's SPF record as it is now",
                "SPF record",
                "spf-record",
                "Paste the TXT record that starts with v=spf1, or leave it empty if the domain has none.",
                "",
            ),
            Field::TestHeader => (
                "Header of the test message",
                "header",
                "test-header",
                "All of it, as the outside mailbox shows it. It stays in this browser: nothing is sent anywhere.",
                "",
            ),
            Field::ErrorText => (
                "Error message",
                "error message",
                "error-text",
                "A bounce, the queue's last error or the server's reply, as it appears.",
                "",
            ),
        };
        About { label, noun, id, hint, default }
    }

    pub fn label(self) -> &'static str {
        self.about().label
    }

    /// The label as it reads inside a sentence.
    pub fn noun(self) -> &'static str {
        self.about().noun
    }

    /// A short explanation shown under the field.
    pub fn hint(self) -> &'static str {
        self.about().hint
    }

    /// A stable id for the element; also the key it is saved under.
    pub fn id(self) -> &'static str {
        self.about().id
    }

    pub fn default_value(self) -> &'static str {
        self.about().default
    }
}

/// What the admin chose and typed. Saved and carried as JSON; anything missing takes its
/// default, so data from an older release reads as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct Settings {
    pub platform: Platform,
    #[serde(rename = "exchange-2007-release")]
    pub release_2007: Release2007,
    pub connector: Connector,
    pub scope: Scope,
    /// For an existing connector: also replace its address spaces with this one.
    pub replace_address_space: bool,
    values: Values,
}

/// The typed values, kept by field; saved as an object keyed by each field's id.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Values([String; Field::ALL.len()]);

impl Default for Values {
    fn default() -> Self {
        Values(Field::ALL.map(|field| field.default_value().to_string()))
    }
}

impl Serialize for Values {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Only what differs from the defaults, which a reader fills in: the saved state, the
        // settings file and a shared link stay short.
        let mut map = serializer.serialize_map(None)?;
        for field in Field::ALL.into_iter().filter(|field| self.0[*field as usize] != field.default_value()) {
            map.serialize_entry(field.id(), &self.0[field as usize])?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ById;
        impl<'de> Visitor<'de> for ById {
            type Value = Values;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("values by field id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
                let mut values = Values::default();
                while let Some(id) = map.next_key::<String>()? {
                    // A field from a later release is skipped.
                    match Field::from_id(&id) {
                        Some(field) => values.0[field as usize] = map.next_value()?,
                        None => drop(map.next_value::<IgnoredAny>()?),
                    }
                }
                Ok(values)
            }
        }
        deserializer.deserialize_map(ById)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            platform: Platform::default(),
            release_2007: Release2007::default(),
            connector: Connector::Unanswered,
            scope: Scope::Organization,
            replace_address_space: false,
            values: Values::default(),
        }
    }
}

impl Settings {
    pub fn get(&self, field: Field) -> &str {
        &self.values.0[field as usize]
    }

    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        self.values.0[field as usize] = value.into();
    }

    /// The first value longer than its field takes (`validate::limit`), and its length.
    pub fn too_long(&self) -> Option<(Field, usize)> {
        Field::ALL
            .into_iter()
            .map(|field| (field, self.get(field).len()))
            .find(|(field, length)| *length > limit(*field))
    }

    /// These settings without the admin's pasted evidence (`Field::is_evidence`), which is
    /// not copied: it may be long. What a shared link and a settings file carry, and all that
    /// the files and shell commands need (`tools::Request`).
    pub fn without_evidence(&self) -> Settings {
        let values = Field::ALL.map(|field| if field.is_evidence() { "" } else { self.get(field) }.to_string());
        Settings { values: Values(values), ..*self }
    }

    /// The values this platform's steps and files use, in form order: what the runbook lists.
    pub fn used(&self) -> Vec<Field> {
        use Field::*;
        let mut used = match self.platform.family() {
            // From the connector's name to the SMTP virtual server.
            Family::Exchange2003 => Field::ALL[..11].to_vec(),
            Family::SendConnector => vec![ConnectorName, SmartHosts, AddressSpace, Cost, SourceServers],
            Family::ExchangeOnline => vec![ConnectorName, SmartHosts, AddressSpace],
        };
        if self.platform.family() == Family::Exchange2003 && self.connector == Connector::Existing {
            used.push(PreviousSmartHosts);
        }
        used.push(SpfRecord);
        used
    }

    /// These settings with one value changed.
    pub fn with(mut self, field: Field, value: impl Into<String>) -> Self {
        self.set(field, value);
        self
    }
}
