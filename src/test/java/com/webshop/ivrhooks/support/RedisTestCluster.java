package com.webshop.ivrhooks.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real three-master Redis Cluster of {@code redis-server} processes on loopback, created with
 * {@code redis-cli --cluster create} and shared by the cluster tests. Ports stay below 55535 so that
 * each node's cluster bus port (port + 10000) exists too.
 */
public final class RedisTestCluster {

    private static final int MASTERS = 3;

    private static String nodes;

    private RedisTestCluster() {}

    /** {@code spring.data.redis.cluster.nodes} for the running cluster, started on first use. */
    public static synchronized String nodes() {
        if (nodes == null) {
            nodes = start();
        }
        return nodes;
    }

    private static String start() {
        List<RedisServerProcess> servers = new ArrayList<>();
        for (int i = 0; i < MASTERS; i++) {
            int port = clusterPort();
            servers.add(RedisServerProcess.start(port, "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "2000"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(RedisServerProcess::close)));
        String addresses = servers.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.joining(" "));
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        create.addAll(List.of(addresses.split(" ")));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        RedisServerProcess.run(create);
        for (RedisServerProcess server : servers) {
            awaitClusterOk(server.port());
        }
        return addresses.replace(' ', ',');
    }

    private static int clusterPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (port < 55_000 && isFree(port + 10_000)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            throw new IllegalStateException("No free port below 55000 with a free bus port; last " + socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitClusterOk(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (RedisServerProcess.run(List.of("redis-cli", "-p", String.valueOf(port), "cluster", "info")).contains("cluster_state:ok")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Redis Cluster node " + port + " did not reach cluster_state:ok");
    }
}
