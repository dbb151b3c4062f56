package switchboard.core.spi;

import java.util.List;
import java.util.Optional;

/** Networks. Blocking; see {@link Store}. */
public interface NetworkStore {
  /** @throws StoreConflictException DUPLICATE when the name is taken */
  Network create(String name, String description);

  Optional<Network> find(long id);

  Optional<Network> findByName(String name);

  /**
   * Replaces the name and description of the network with that id.
   *
   * @return false when there is no such network
   * @throws StoreConflictException DUPLICATE when the new name is another network's
   */
  boolean update(Network network);

  /**
   * Deletes the network and the users' links to it.
   *
   * @return false when there was none
   * @throws StoreConflictException REFERENCE while devices still belong to it
   */
  boolean delete(long id);

  List<Network> list(NameQuery query);
}
