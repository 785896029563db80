//! Settings that passed validation, in the shapes the generators need. A generator takes
//! only these types, so it can never see a value that was not checked.

use crate::domain::platform::{Platform, Release2007};
use crate::domain::settings::{Connector, Field, Scope, Settings};
use crate::domain::validate::{check, entries, usable, Severity};

/// The smart hosts, as Exchange 2003 stores them: names bare, IPv4 addresses in brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmartHosts(Vec<String>);

impl SmartHosts {
    pub fn new(settings: &Settings) -> Result<Self, Vec<Field>> {
        let list = usable(settings, Field::SmartHosts).map_err(|_| vec![Field::SmartHosts])?;
        Ok(SmartHosts(entries(&list).into_iter().map(str::to_string).collect()))
    }

    /// The entries as typed: from Exchange 2007 on, these are `-SmartHosts` values.
    pub fn entries(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// As the connector's smart host field holds them. The writer's separator is a comma
    /// (docs/facts.md §1.2).
    /// The list as Exchange 2003 keeps it in one string: separated by a comma and no space,
    /// the form the sources show (docs/facts.md §1.2; whether it trims spaces is
    /// unconfirmed, review m8).
    pub fn joined(&self) -> String {
        self.0.join(",")
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
    /// The routing group's administrative group: the connector lives under it.
    pub admin_group: String,
    /// The bridgehead server's administrative group: its SMTP virtual server lives under it.
    pub server_admin_group: String,
    pub routing_group: String,
    /// The bridgehead's server object name: a DNS name's first label (docs/facts.md §1.1).
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
        let mut taker = Taker::new(settings);
        let name = taker.take(Field::ConnectorName);
        let bridgehead = taker.take(Field::Bridgehead);
        let address_space = taker.take(Field::AddressSpace);
        let cost = taker.take(Field::Cost);
        let organization = taker.take(Field::Organization);
        let admin_group = taker.take(Field::AdminGroup);
        let server_admin_group = match settings.get(Field::ServerAdminGroup).trim() {
            "" => admin_group.clone(),
            _ => taker.take(Field::ServerAdminGroup),
        };
        let routing_group = taker.take(Field::RoutingGroup);
        let virtual_server = taker.take(Field::VirtualServer);
        let smart_hosts = taker.smart_hosts();
        let domain = AdDomain::new(settings).map_err(|fields| taker.missing.extend(fields));
        // Empty is allowed here (the connector used DNS); only a bad value blocks.
        let previous_smart_hosts = settings.get(Field::PreviousSmartHosts).to_string();
        let problem = check(settings.platform, Field::PreviousSmartHosts, &previous_smart_hosts);
        if settings.connector == Connector::Existing
            && problem.is_some_and(|problem| problem.severity == Severity::Error)
        {
            taker.missing.push(Field::PreviousSmartHosts);
        }
        let (Some(smart_hosts), Ok(domain)) = (smart_hosts, domain) else {
            return Err(taker.finish());
        };
        taker.check()?;
        // The parses below cannot fail: validation accepted both as numbers in range.
        let server = bridgehead.split('.').next().unwrap_or_default().to_string();
        Ok(Valid {
            directory: Directory {
                domain,
                organization,
                admin_group,
                server_admin_group,
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

/// Collects the checked values, and the fields that are empty or wrong.
struct Taker<'a> {
    settings: &'a Settings,
    missing: Vec<Field>,
}

impl<'a> Taker<'a> {
    fn new(settings: &'a Settings) -> Self {
        Taker { settings, missing: Vec::new() }
    }

    fn take(&mut self, field: Field) -> String {
        usable(self.settings, field).unwrap_or_else(|_| {
            self.missing.push(field);
            String::new()
        })
    }

    /// A number validation has put in range; 1 only while the field is missing.
    fn number(&mut self, field: Field) -> u32 {
        self.take(field).parse().unwrap_or(1)
    }

    fn smart_hosts(&mut self) -> Option<SmartHosts> {
        SmartHosts::new(self.settings).map_err(|fields| self.missing.extend(fields)).ok()
    }

    /// A list that must have at least one entry.
    fn required_list(&mut self, field: Field) -> Vec<String> {
        entries(&self.take(field)).into_iter().map(str::to_string).collect()
    }

    /// An optional list: empty is fine, a wrong value is not.
    fn list(&mut self, field: Field) -> Vec<String> {
        let value = self.settings.get(field);
        if value.trim().is_empty() {
            return Vec::new();
        }
        entries(&self.take(field)).into_iter().map(str::to_string).collect()
    }

    fn finish(self) -> Vec<Field> {
        Field::in_order(&self.missing)
    }

    fn check(self) -> Result<(), Vec<Field>> {
        if self.missing.is_empty() {
            Ok(())
        } else {
            Err(self.finish())
        }
    }
}

/// A send connector, Exchange 2007 to Subscription Edition, as the admin wants it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendConnectorPlan {
    pub platform: Platform,
    pub release_2007: Release2007,
    pub connector: Connector,
    pub name: String,
    pub smart_hosts: SmartHosts,
    pub address_space: String,
    pub cost: u32,
    pub scope: Scope,
    /// Existing connectors only: whether its address spaces are replaced too.
    pub replace_address_space: bool,
    /// Required for a new connector: no source documents a default for
    /// `-SourceTransportServers`, and MailRoute must know the IP address these servers send
    /// from (review M6). Empty for an existing connector: it keeps its own.
    pub source_servers: Vec<String>,
}

impl SendConnectorPlan {
    pub fn new(settings: &Settings) -> Result<Self, Vec<Field>> {
        let mut taker = Taker::new(settings);
        let name = taker.take(Field::ConnectorName);
        let address_space = taker.take(Field::AddressSpace);
        let cost = taker.number(Field::Cost);
        let source_servers = match settings.connector {
            Connector::Existing => taker.list(Field::SourceServers),
            Connector::New | Connector::Unanswered => taker.required_list(Field::SourceServers),
        };
        let smart_hosts = taker.smart_hosts();
        let Some(smart_hosts) = smart_hosts else {
            return Err(taker.finish());
        };
        taker.check()?;
        Ok(SendConnectorPlan {
            platform: settings.platform,
            release_2007: settings.release_2007,
            connector: settings.connector,
            name,
            smart_hosts,
            address_space,
            cost,
            scope: settings.scope,
            replace_address_space: settings.connector == Connector::Existing && settings.replace_address_space,
            source_servers,
        })
    }

    /// Exchange 2007 before Service Pack 1 scopes by a `Local:` prefix (docs/facts.md §3.3).
    pub fn scope_by_prefix(&self) -> bool {
        self.platform == Platform::Exchange2007 && self.release_2007 == Release2007::Rtm
    }

    /// The `-AddressSpaces` value: `SMTP:space;cost`, with `Local:` in front where the
    /// release scopes that way (docs/facts.md §3.2, §3.3).
    pub fn address_space_value(&self) -> String {
        let local = if self.scope == Scope::Local && self.scope_by_prefix() { "Local:" } else { "" };
        format!("{local}SMTP:{};{}", self.address_space, self.cost)
    }
}

/// An Exchange Online outbound connector, as the admin wants it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboundConnectorPlan {
    pub name: String,
    pub smart_hosts: SmartHosts,
    /// `-RecipientDomains`: `*` for all mail (docs/facts.md §4).
    pub recipient_domains: String,
}

impl OutboundConnectorPlan {
    pub fn new(settings: &Settings) -> Result<Self, Vec<Field>> {
        let mut taker = Taker::new(settings);
        let name = taker.take(Field::ConnectorName);
        let recipient_domains = taker.take(Field::AddressSpace);
        let Some(smart_hosts) = taker.smart_hosts() else {
            return Err(taker.finish());
        };
        taker.check()?;
        Ok(OutboundConnectorPlan { name, smart_hosts, recipient_domains })
    }
}
