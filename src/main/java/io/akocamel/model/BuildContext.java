package io.akocamel.model;

import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.config.Settings.NodeNetwork;
import io.akocamel.config.Settings.NodePortSelector;
import io.akocamel.config.Settings.VipNetwork;
import io.akocamel.crd.InfraSetting;

import java.util.List;

/** What the model takes from the settings, resolved once per build. Equal contexts give equal bodies for equal specs. */
record BuildContext(
        Naming naming,
        String createdBy,
        String tenantRef,
        String cloudRef,
        String seGroupRef,
        String vrfName,
        VipNetwork vipNetwork,
        List<NodeNetwork> nodeNetworks,
        ServiceType serviceType,
        String cniPlugin,
        NodePortSelector nodePortSelector,
        Boolean enableRhi,
        List<String> bgpPeerLabels,
        List<InfraSetting.Listener> listeners) {

    static BuildContext of(Settings settings) {
        var controller = settings.controllerSettings();
        List<VipNetwork> vips = settings.networkSettings().vipNetworkList();
        return new BuildContext(
                Naming.of(settings),
                settings.createdBy(),
                NameRef.of("tenant", controller.tenantName()),
                NameRef.of("cloud", controller.cloudName()),
                NameRef.of("serviceenginegroup", controller.serviceEngineGroupName()),
                StaticRoutes.vrfName(settings),
                vips.isEmpty() ? null : vips.get(0),
                settings.networkSettings().nodeNetworkList(),
                settings.l7Settings().serviceType(),
                settings.akoSettings().cniPlugin(),
                settings.nodePortSelector(),
                null,
                List.of(),
                List.of());
    }

    /** The context of the VSes of a placement: an AviInfraSetting's names, SE group, VIP network, RHI, BGP peers and ports. */
    BuildContext placed(Placement placement) {
        InfraSetting setting = placement.setting();
        if (setting == null) {
            return this;
        }
        VipNetwork vip = setting.vipNetworks().isEmpty() ? vipNetwork : toVipNetwork(setting.vipNetworks().get(0));
        return new BuildContext(placement.naming(naming), createdBy, tenantRef, cloudRef,
                setting.seGroup() == null ? seGroupRef : NameRef.of("serviceenginegroup", setting.seGroup()), vrfName, vip, nodeNetworks,
                serviceType, cniPlugin, nodePortSelector, setting.enableRhi(), setting.bgpPeerLabels(), setting.listeners());
    }

    /** AKO uses the first VIP network (the others only on public clouds). */
    private static VipNetwork toVipNetwork(InfraSetting.VipNetwork network) {
        return new VipNetwork(orEmpty(network.networkName()), orEmpty(network.networkUUID()), orEmpty(network.cidr()), orEmpty(network.v6cidr()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    String clusterName() {
        return naming.clusterName();
    }

    String vrfRef() {
        return NameRef.of("vrfcontext", vrfName);
    }
}
