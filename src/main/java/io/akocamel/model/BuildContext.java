package io.akocamel.model;

import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.config.Settings.NodeNetwork;
import io.akocamel.config.Settings.NodePortSelector;
import io.akocamel.config.Settings.VipNetwork;

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
        NodePortSelector nodePortSelector) {

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
                settings.nodePortSelector());
    }

    String clusterName() {
        return naming.clusterName();
    }

    String vrfRef() {
        return NameRef.of("vrfcontext", vrfName);
    }
}
