package switchboard.devicehive;

import java.util.List;
import java.util.Optional;
import switchboard.core.spi.DeviceQuery;
import switchboard.core.spi.DeviceType;
import switchboard.core.spi.NameQuery;
import switchboard.core.spi.Network;
import switchboard.core.spi.Store;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * What networks and device types have in common (both are an id, a unique name and a description
 * that users are given access to), so that one implementation serves {@code network/*} and
 * {@code devicetype/*}: their names, permissions, visibility and store calls.
 */
interface Catalog {
  /** One network or device type. */
  record Entry(long id, String name, String description) {}

  String action();        // "network", "devicetype"
  String one();           // reply key: "network", "deviceType"
  String many();          // reply key: "networks", "deviceTypes"
  String idField();       // "networkId", "deviceTypeId"
  String label();         // "Network", "Device type"
  HiveAction read();
  HiveAction manage();

  boolean visible(Principal p, long id);

  /** The ids the principal may see, or null for all. */
  java.util.Set<Long> visibleIds(Principal p);

  Entry create(Store s, String name, String description);
  Optional<Entry> find(Store s, long id);
  boolean update(Store s, Entry e);
  boolean delete(Store s, long id);
  List<Entry> list(Store s, NameQuery q);
  DeviceQuery devices(long id);

  Catalog NETWORKS = new Catalog() {
    public String action() { return "network"; }
    public String one() { return "network"; }
    public String many() { return "networks"; }
    public String idField() { return "networkId"; }
    public String label() { return "Network"; }
    public HiveAction read() { return HiveAction.GET_NETWORK; }
    public HiveAction manage() { return HiveAction.MANAGE_NETWORK; }
    public boolean visible(Principal p, long id) { return p.canAccessNetwork(id); }
    public java.util.Set<Long> visibleIds(Principal p) { return p.allNetworks() ? null : p.networkIds(); }
    public Entry create(Store s, String name, String description) { return of(s.networks().create(name, description)); }
    public Optional<Entry> find(Store s, long id) { return s.networks().find(id).map(Catalog::of); }
    public boolean update(Store s, Entry e) { return s.networks().update(new Network(e.id(), e.name(), e.description())); }
    public boolean delete(Store s, long id) { return s.networks().delete(id); }
    public List<Entry> list(Store s, NameQuery q) { return s.networks().list(q).stream().map(Catalog::of).toList(); }
    public DeviceQuery devices(long id) { return DeviceQuery.all().inNetworks(java.util.Set.of(id)); }
  };

  Catalog DEVICE_TYPES = new Catalog() {
    public String action() { return "devicetype"; }
    public String one() { return "deviceType"; }
    public String many() { return "deviceTypes"; }
    public String idField() { return "deviceTypeId"; }
    public String label() { return "Device type"; }
    public HiveAction read() { return HiveAction.GET_DEVICE_TYPE; }
    public HiveAction manage() { return HiveAction.MANAGE_DEVICE_TYPE; }
    public boolean visible(Principal p, long id) { return p.canAccessDeviceType(id); }
    public java.util.Set<Long> visibleIds(Principal p) { return p.allDeviceTypes() ? null : p.deviceTypeIds(); }
    public Entry create(Store s, String name, String description) { return of(s.deviceTypes().create(name, description)); }
    public Optional<Entry> find(Store s, long id) { return s.deviceTypes().find(id).map(Catalog::of); }
    public boolean update(Store s, Entry e) { return s.deviceTypes().update(new DeviceType(e.id(), e.name(), e.description())); }
    public boolean delete(Store s, long id) { return s.deviceTypes().delete(id); }
    public List<Entry> list(Store s, NameQuery q) { return s.deviceTypes().list(q).stream().map(Catalog::of).toList(); }
    public DeviceQuery devices(long id) { return DeviceQuery.all().ofDeviceTypes(java.util.Set.of(id)); }
  };

  static Entry of(Network n) {
    return new Entry(n.id(), n.name(), n.description());
  }

  static Entry of(DeviceType t) {
    return new Entry(t.id(), t.name(), t.description());
  }
}
