//! The values an administrator types or chooses, with the defaults the seed article gives.

/// MailRoute's outbound smarthost (facts/exchange.md §5).
pub const MAILROUTE_SMART_HOST: &str = "outbound.mailroute.net";

/// The connector name MailRoute's Exchange 2003 article suggests (facts/exchange.md §0).
pub const DEFAULT_CONNECTOR_NAME: &str = "All Outgoing Email";

/// Whether the admin creates a new SMTP connector or changes one that exists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Connector {
    #[default]
    New,
    Existing,
}

/// A value the admin types. Each has a label, an element id and a place in `Settings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    ConnectorName,
    SmartHosts,
    Bridgehead,
}

impl Field {
    pub const ALL: [Field; 3] = [Field::ConnectorName, Field::SmartHosts, Field::Bridgehead];

    pub fn label(self) -> &'static str {
        match self {
            Field::ConnectorName => "Connector name",
            Field::SmartHosts => "Smart host",
            Field::Bridgehead => "Bridgehead server",
        }
    }

    /// The label as it reads inside a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            Field::ConnectorName => "connector name",
            Field::SmartHosts => "smart host",
            Field::Bridgehead => "bridgehead server",
        }
    }

    /// A short explanation shown under the field.
    pub fn hint(self) -> &'static str {
        match self {
            Field::ConnectorName => "How the connector is listed under Connectors.",
            Field::SmartHosts => {
                "MailRoute's outbound server. Change it only if MailRoute support tells you to."
            }
            Field::Bridgehead => {
                "The name of the Exchange server that sends the mail, for example EXCH01."
            }
        }
    }

    /// A stable id for the element, also used by the tests.
    pub fn id(self) -> &'static str {
        match self {
            Field::ConnectorName => "connector-name",
            Field::SmartHosts => "smart-hosts",
            Field::Bridgehead => "bridgehead",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub connector: Connector,
    pub connector_name: String,
    pub smart_hosts: String,
    pub bridgehead: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            connector: Connector::New,
            connector_name: DEFAULT_CONNECTOR_NAME.to_string(),
            smart_hosts: MAILROUTE_SMART_HOST.to_string(),
            bridgehead: String::new(),
        }
    }
}

impl Settings {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::ConnectorName => &self.connector_name,
            Field::SmartHosts => &self.smart_hosts,
            Field::Bridgehead => &self.bridgehead,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::ConnectorName => self.connector_name = value,
            Field::SmartHosts => self.smart_hosts = value,
            Field::Bridgehead => self.bridgehead = value,
        }
    }
}
