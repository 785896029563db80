//! Settings that passed validation, in the shapes the generators need. A generator takes
//! only these types, so it can never see a value that was not checked.

use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::domain::validate::{check, usable};

/// The smart hosts, as Exchange 2003 stores them: names bare, IPv4 addresses in brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartHosts(Vec<String>);

impl SmartHosts {
    pub fn new(settings: &Settings) -> Result<Self, Vec<Field>> {
        let list = usable(settings, Field::SmartHosts).map_err(|_| vec![Field::SmartHosts])?;
        Ok(SmartHosts(list.split([',', ';']).map(|entry| entry.trim().to_string()).collect()))
    }

    /// As the connector's smart host field holds them. The writer's separator is a comma
    /// (facts/exchange.md §1.2).
    pub fn joined(&self) -> String {
        self.0.join(", ")
    }

    /// Host names and addresses to open a connection to: brackets removed.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|entry| entry.trim_start_matches('[').trim_end_matches(']'))
    }
}

/// The Active Directory domain as its DNS labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdDomain(Vec<String>);

impl AdDomain {
    pub fn new(settings: &Settings) -> Result<Self, Vec<Field>> {
        let name = usable(settings, Field::AdDomain).map_err(|_| vec![Field::AdDomain])?;
        Ok(AdDomain(name.split('.').map(str::to_string).collect()))
    }

    pub fn labels(&self) -> &[String] {
        &self.0
    }

    /// As directory paths write it: `DC=corp,DC=example,DC=com`.
    pub fn dn(&self) -> String {
        self.0.iter().map(|label| format!("DC={label}")).collect::<Vec<_>>().join(",")
    }
}

/// Where the connector and the bridgehead live in the configuration partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directory {
    pub domain: AdDomain,
    pub organization: String,
    pub admin_group: String,
    pub routing_group: String,
    /// The bridgehead's server object name: a DNS name's first label (facts/exchange.md §1.2).
    pub server: String,
    pub virtual_server: u32,
}

/// The connector as the admin wants it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectorPlan {
    pub connector: Connector,
    pub name: String,
    pub smart_hosts: SmartHosts,
    pub address_space: String,
    pub cost: u8,
    pub scope: Scope,
    /// Existing connectors only: whether its address spaces are replaced too.
    pub replace_address_space: bool,
    /// Existing connectors only: the smart host before the change; empty when it used DNS.
    pub previous_smart_hosts: String,
}

/// Everything the directory files need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    pub directory: Directory,
    pub plan: ConnectorPlan,
}

impl Valid {
    /// The checked settings, or every field that is empty or wrong.
    pub fn new(settings: &Settings) -> Result<Self, Vec<Field>> {
        let mut missing = Vec::new();
        let mut take = |field: Field| {
            usable(settings, field).unwrap_or_else(|_| {
                missing.push(field);
                String::new()
            })
        };
        let name = take(Field::ConnectorName);
        let bridgehead = take(Field::Bridgehead);
        let address_space = take(Field::AddressSpace);
        let cost = take(Field::Cost);
        let organization = take(Field::Organization);
        let admin_group = take(Field::AdminGroup);
        let routing_group = take(Field::RoutingGroup);
        let virtual_server = take(Field::VirtualServer);
        let smart_hosts = SmartHosts::new(settings).map_err(|fields| missing.extend(fields));
        let domain = AdDomain::new(settings).map_err(|fields| missing.extend(fields));
        // Empty is allowed here (the connector used DNS); only a bad value blocks.
        let previous_smart_hosts = settings.get(Field::PreviousSmartHosts).to_string();
        if settings.connector == Connector::Existing
            && check(Field::PreviousSmartHosts, &previous_smart_hosts).is_some()
        {
            missing.push(Field::PreviousSmartHosts);
        }
        let (Ok(smart_hosts), Ok(domain), true) = (smart_hosts, domain, missing.is_empty()) else {
            return Err(Field::in_order(&missing));
        };
        // The parses below cannot fail: validation accepted both as numbers in range.
        let server = bridgehead.split('.').next().unwrap_or_default().to_string();
        Ok(Valid {
            directory: Directory {
                domain,
                organization,
                admin_group,
                routing_group,
                server,
                virtual_server: virtual_server.parse().unwrap_or(1),
            },
            plan: ConnectorPlan {
                connector: settings.connector,
                name,
                smart_hosts,
                address_space,
                cost: cost.parse().unwrap_or(1),
                scope: settings.scope,
                replace_address_space: settings.connector == Connector::Existing && settings.replace_address_space,
                previous_smart_hosts,
            },
        })
    }
}
