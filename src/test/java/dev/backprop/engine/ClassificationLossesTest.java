package dev.backprop.engine;

import static dev.backprop.engine.ActivationsTest.assertError;
import static dev.backprop.engine.ActivationsTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nll_loss, cross_entropy (class indices, class probabilities, label smoothing), l1_loss, smooth_l1_loss and huber_loss
 * against PyTorch 1.13: values, the input's gradient of {@code (result * G).sum()} with {@code G = 0.5, 1.0, 1.5, ...},
 * grad_fn names and error texts, in float32 and float64. The expected numbers are what
 * {@code ClassificationLossesTest.py} (beside this file) prints.
 */
class ClassificationLossesTest {
    static final double[] X = {0.2, -1.1, 2.3, 0.7, 1.5, 0.3, -0.4, -2.0, -0.6, 1.9, 0.1, 0.8};
    static final double[] P = {0.1, 0.2, 0.3, 0.4, 0.25, 0.25, 0.25, 0.25, 0.7, 0.1, 0.1, 0.1};
    static final double[] W = {0.5, 1.0, 2.0, 1.5};
    static final double[] W3 = {0.5, 1.0, 2.0};
    static final Tensor T = Tensor.of(new long[] {1, 0, 3}, 3);
    static final Tensor T3 = Tensor.of(new long[] {0, 2, 1, 1}, 2, 2);
    static final Tensor T4 = Tensor.of(new long[] {2, 0, 1, -100}, 1, 2, 2);
    static final Tensor NO_BATCH = Tensor.of(new long[] {2});

    record Case(String label, String op, BiFunction<Tensor, DType, List<Object>> inputs, Map<String, Object> attrs, String gradFn,
                float[] values32, float[] grad32, double[] values64, double[] grad64) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A constant of the input's dtype: P in the shape of X, the weights as they are. */
    static Tensor floats(double[] values, DType dtype) {
        return Tensor.of(values.clone(), values == P ? new int[] {3, 4} : new int[] {values.length}).to(dtype);
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("nll_loss mean", "nll_loss", (x, d) -> List.of(x, T), Map.of(), "NllLossBackward0",
                    new float[] {-0.3999999761581421f},
                    new float[] {0.0f, -0.1666666716337204f, 0.0f, 0.0f,
                        -0.1666666716337204f, 0.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, -0.1666666716337204f},
                    new double[] {-0.3999999999999999},
                    new double[] {0.0, -0.16666666666666666, 0.0, 0.0,
                        -0.16666666666666666, 0.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, -0.16666666666666666}),
            new Case("nll_loss sum weight ignore_index", "nll_loss", (x, d) -> List.of(x, T, floats(W, d)), Map.of("reduction", "sum", "ignore_index", 0), "NllLossBackward0",
                    new float[] {-0.10000002384185791f},
                    new float[] {0.0f, -0.5f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, -0.75f},
                    new double[] {-0.10000000000000009},
                    new double[] {0.0, -0.5, 0.0, 0.0,
                        0.0, 0.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, -0.75}),
            new Case("nll_loss none weight", "nll_loss", (x, d) -> List.of(x, T, floats(W, d)), Map.of("reduction", "none"), "NllLossBackward0",
                    new float[] {1.100000023841858f, -0.75f, -1.2000000476837158f},
                    new float[] {0.0f, -0.5f, 0.0f, 0.0f,
                        -0.5f, 0.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, -2.25f},
                    new double[] {1.1, -0.75, -1.2000000000000002},
                    new double[] {0.0, -0.5, 0.0, 0.0,
                        -0.5, 0.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, -2.25}),
            new Case("nll_loss mean weight", "nll_loss", (x, d) -> List.of(x, T, floats(W, d)), Map.of(), "NllLossBackward0",
                    new float[] {-0.28333333134651184f},
                    new float[] {0.0f, -0.1666666716337204f, 0.0f, 0.0f,
                        -0.0833333358168602f, 0.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, -0.25f},
                    new double[] {-0.2833333333333334},
                    new double[] {0.0, -0.16666666666666666, 0.0, 0.0,
                        -0.08333333333333333, 0.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, -0.25}),
            new Case("nll_loss no batch", "nll_loss", (x, d) -> List.of(x.select(0, 0), NO_BATCH), Map.of(), "NllLossBackward0",
                    new float[] {-2.299999952316284f},
                    new float[] {0.0f, 0.0f, -0.5f, 0.0f,
                        0.0f, 0.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, 0.0f},
                    new double[] {-2.3},
                    new double[] {0.0, 0.0, -0.5, 0.0,
                        0.0, 0.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, 0.0}),
            new Case("nll_loss 3-D", "nll_loss", (x, d) -> List.of(x.reshape(2, 3, 2), T3), Map.of(), "NllLoss2DBackward0",
                    new float[] {-0.44999998807907104f},
                    new float[] {-0.125f, 0.0f, 0.0f, 0.0f,
                        0.0f, -0.125f, 0.0f, 0.0f,
                        -0.125f, -0.125f, 0.0f, 0.0f},
                    new double[] {-0.44999999999999996},
                    new double[] {-0.125, 0.0, 0.0, 0.0,
                        0.0, -0.125, 0.0, 0.0,
                        -0.125, -0.125, 0.0, 0.0}),
            new Case("nll_loss 3-D none", "nll_loss", (x, d) -> List.of(x.reshape(2, 3, 2), T3), Map.of("reduction", "none"), "ViewBackward0",
                    new float[] {-0.20000000298023224f, -0.30000001192092896f, 0.6000000238418579f, -1.899999976158142f},
                    new float[] {-0.5f, 0.0f, 0.0f, 0.0f,
                        0.0f, -1.0f, 0.0f, 0.0f,
                        -1.5f, -2.0f, 0.0f, 0.0f},
                    new double[] {-0.2, -0.3, 0.6, -1.9},
                    new double[] {-0.5, 0.0, 0.0, 0.0,
                        0.0, -1.0, 0.0, 0.0,
                        -1.5, -2.0, 0.0, 0.0}),
            new Case("nll_loss 4-D weight", "nll_loss", (x, d) -> List.of(x.reshape(1, 3, 2, 2), T4, floats(W3, d)), Map.of(), "NllLoss2DBackward0",
                    new float[] {0.6142857670783997f},
                    new float[] {0.0f, -0.0714285746216774f, 0.0f, 0.0f,
                        0.0f, 0.0f, -0.1428571492433548f, 0.0f,
                        -0.2857142984867096f, 0.0f, 0.0f, 0.0f},
                    new double[] {0.6142857142857142},
                    new double[] {0.0, -0.07142857142857142, 0.0, 0.0,
                        0.0, 0.0, -0.14285714285714285, 0.0,
                        -0.2857142857142857, 0.0, 0.0, 0.0}),
            new Case("nll_loss 4-D none", "nll_loss", (x, d) -> List.of(x.reshape(1, 3, 2, 2), T4), Map.of("reduction", "none"), "NllLoss2DBackward0",
                    new float[] {0.6000000238418579f, 1.100000023841858f, 0.4000000059604645f, 0.0f},
                    new float[] {0.0f, -1.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, -1.5f, 0.0f,
                        -0.5f, 0.0f, 0.0f, 0.0f},
                    new double[] {0.6, 1.1, 0.4, 0.0},
                    new double[] {0.0, -1.0, 0.0, 0.0,
                        0.0, 0.0, -1.5, 0.0,
                        -0.5, 0.0, 0.0, 0.0}),
            new Case("cross_entropy mean", "cross_entropy", (x, d) -> List.of(x, T), Map.of(), "NllLossBackward0",
                    new float[] {1.8853627443313599f},
                    new float[] {0.015032048337161541f, -0.16256995499134064f, 0.12275426089763641f, 0.024783659726381302f,
                        -0.05412706732749939f, 0.033896274864673615f, 0.016832396388053894f, 0.003398401429876685f,
                        0.008657357655465603f, 0.10546820610761642f, 0.017433777451515198f, -0.131559357047081f},
                    new double[] {1.8853627598393299},
                    new double[] {0.015032047304671186, -0.16256995586175252, 0.12275425242369943, 0.024783656133381907,
                        -0.05412706902696629, 0.03389627542000588, 0.016832392226840902, 0.003398401380119482,
                        0.008657358058666506, 0.10546821226535226, 0.01743377823018103, -0.13155934855419976}),
            new Case("cross_entropy weight ignore_index", "cross_entropy", (x, d) -> List.of(x, T, floats(W, d)), Map.of("ignore_index", 3), "NllLossBackward0",
                    new float[] {2.60143780708313f},
                    new float[] {0.030064096674323082f, -0.3251399099826813f, 0.24550852179527283f, 0.049567319452762604f,
                        -0.05412706732749939f, 0.033896274864673615f, 0.016832396388053894f, 0.003398401429876685f,
                        0.0f, 0.0f, 0.0f, 0.0f},
                    new double[] {2.6014378241510956},
                    new double[] {0.03006409460934237, -0.32513991172350504, 0.24550850484739886, 0.049567312266763815,
                        -0.05412706902696629, 0.03389627542000588, 0.016832392226840902, 0.003398401380119482,
                        0.0, 0.0, 0.0, 0.0}),
            new Case("cross_entropy none", "cross_entropy", (x, d) -> List.of(x, T), Map.of("reduction", "none"), "NllLossBackward0",
                    new float[] {3.7058115005493164f, 0.39269062876701355f, 1.5575861930847168f},
                    new float[] {0.04509614408016205f, -0.4877098798751831f, 0.36826276779174805f, 0.07435097545385361f,
                        -0.32476240396499634f, 0.2033776491880417f, 0.10099437087774277f, 0.020390408113598824f,
                        0.077916219830513f, 0.9492138624191284f, 0.15690399706363678f, -1.1840341091156006f},
                    new double[] {3.7058114007165774, 0.3926906710201318, 1.5575862077812803},
                    new double[] {0.04509614191401356, -0.4877098675852576, 0.3682627572710983, 0.07435096840014573,
                        -0.32476241416179774, 0.20337765252003528, 0.10099435336104542, 0.020390408280716893,
                        0.07791622252799857, 0.9492139103881704, 0.15690400407162927, -1.184034136987798}),
            new Case("cross_entropy no batch", "cross_entropy", (x, d) -> List.of(x.select(0, 0), NO_BATCH), Map.of(), "NllLossBackward0",
                    new float[] {0.30581140518188477f},
                    new float[] {0.04509614408016205f, 0.01229013130068779f, -0.13173723220825195f, 0.07435097545385361f,
                        0.0f, 0.0f, 0.0f, 0.0f,
                        0.0f, 0.0f, 0.0f, 0.0f},
                    new double[] {0.30581140071657753},
                    new double[] {0.04509614191401356, 0.0122901324147424, -0.1317372427289017, 0.07435096840014573,
                        0.0, 0.0, 0.0, 0.0,
                        0.0, 0.0, 0.0, 0.0}),
            new Case("cross_entropy 3-D none", "cross_entropy", (x, d) -> List.of(x.reshape(2, 3, 2), T3), Map.of("reduction", "none"), "ViewBackward0",
                    new float[] {2.5522122383117676f, 1.0073816776275635f, 1.443420171737671f, 0.302407830953598f},
                    new float[] {-0.46104544401168823f, 0.09005075693130493f, 0.31810957193374634f, 0.5447753667831421f,
                        0.1429358571767807f, -0.634826123714447f, 0.43259426951408386f, 0.029919026419520378f,
                        -1.1458218097686768f, -0.521926760673523f, 0.713227391242981f, 0.492007851600647f},
                    new double[] {2.552212165838997, 1.0073817185088905, 1.4434200371423098, 0.30240786022026905},
                    new double[] {-0.4610454363402877, 0.09005076442430242, 0.31810958571514364, 0.5447753786679288,
                        0.14293585062514402, -0.6348261430922312, 0.43259430547667993, 0.029919026006622527,
                        -1.1458217384998313, -0.5219268404207966, 0.7132274330231512, 0.49200781441417396}),
            new Case("cross_entropy 4-D", "cross_entropy", (x, d) -> List.of(x.reshape(1, 3, 2, 2), T4), Map.of(), "NllLoss2DBackward0",
                    new float[] {2.840400457382202f},
                    new float[] {0.03256082534790039f, -0.1600373238325119f, 0.1414816975593567f, 0.0f,
                        0.11947532743215561f, 0.026883330196142197f, -0.15715831518173218f, 0.0f,
                        -0.1520361453294754f, 0.1331540048122406f, 0.01567661762237549f, 0.0f},
                    new double[] {2.8404003106584743},
                    new double[] {0.032560823677610096, -0.16003731974673824, 0.14148169767777855, 0.0,
                        0.11947532181519252, 0.026883327409895567, -0.1571583166309413, 0.0,
                        -0.15203614549280262, 0.13315399233684266, 0.01567661895316275, 0.0}),
            new Case("cross_entropy label_smoothing", "cross_entropy", (x, d) -> List.of(x, T), Map.of("label_smoothing", 0.1), "AddBackward0",
                    new float[] {1.8945293426513672f},
                    new float[] {0.010865379124879837f, -0.1500699371099472f, 0.11858756840229034f, 0.020616987720131874f,
                        -0.04162707179784775f, 0.029729602858424187f, 0.01266572531312704f, -0.0007682660361751914f,
                        0.004490689840167761f, 0.10130152851343155f, 0.013267109170556068f, -0.11905933916568756f},
                    new double[] {1.8945294265059966},
                    new double[] {0.010865380638004523, -0.15006995586175254, 0.1185875857570328, 0.02061698946671525,
                        -0.041627069026966265, 0.029729608753339222, 0.012665725560174243, -0.0007682652865471835,
                        0.004490691391999841, 0.10130154559868561, 0.013267111563514367, -0.11905934855419978}),
            new Case("cross_entropy label_smoothing weight ignore_index", "cross_entropy", (x, d) -> List.of(x, T, floats(W, d)), Map.of("label_smoothing", 0.2, "ignore_index", 1), "AddBackward0",
                    new float[] {1.5381245613098145f},
                    new float[] {0.0f, 0.0f, 0.0f, 0.0f,
                        0.0034761123824864626f, 0.02054886892437935f, -0.008588414639234543f, -0.015436558984220028f,
                        0.012579753063619137f, 0.21689334511756897f, 0.012918466702103615f, -0.24239160120487213f},
                    new double[] {1.538124468722971},
                    new double[] {0.0, 0.0, 0.0, 0.0,
                        0.0034761076987078784, 0.02054886853450574, -0.008588417578830117, -0.015436558654383507,
                        0.012579753777599656, 0.2168933616771412, 0.012918467650643745, -0.24239158310538453}),
            new Case("cross_entropy label_smoothing sum", "cross_entropy", (x, d) -> List.of(x, T), Map.of("label_smoothing", 0.3, "reduction", "sum"), "AddBackward0",
                    new float[] {5.738588333129883f},
                    new float[] {0.007596139796078205f, -0.37520986795425415f, 0.33076274394989014f, 0.03685097023844719f,
                        -0.049881208688020706f, 0.06418881565332413f, 0.01299718115478754f, -0.027304798364639282f,
                        -0.011527929455041885f, 0.27890461683273315f, 0.014801330864429474f, -0.28217804431915283f},
                    new double[] {5.738588279517989},
                    new double[] {0.00759614191401355, -0.37520986758525754, 0.3307627572710982, 0.03685096840014571,
                        -0.0498812070808989, 0.06418882626001762, 0.012997176680522703, -0.027304795859641556,
                        -0.01152792582400048, 0.27890463679605676, 0.014801334690543089, -0.2821780456625993}),
            new Case("cross_entropy label_smoothing none", "cross_entropy", (x, d) -> List.of(x, T), Map.of("label_smoothing", 0.3, "reduction", "none"), "AddBackward0",
                    new float[] {3.2183115482330322f, 0.8876907229423523f, 1.6325862407684326f},
                    new float[] {0.007596139796078205f, -0.37520986795425415f, 0.33076274394989014f, 0.03685097023844719f,
                        -0.09976241737604141f, 0.12837763130664825f, 0.02599436230957508f, -0.054609596729278564f,
                        -0.03458379581570625f, 0.8367137312889099f, 0.044403981417417526f, -0.8465340733528137f},
                    new double[] {3.2183114007165776, 0.8876906710201318, 1.63258620778128},
                    new double[] {0.00759614191401355, -0.37520986758525754, 0.3307627572710982, 0.03685096840014571,
                        -0.0997624141617978, 0.12837765252003525, 0.025994353361045407, -0.05460959171928311,
                        -0.034583777472001434, 0.8367139103881702, 0.04440400407162927, -0.8465341369877979}),
            new Case("cross_entropy probabilities", "cross_entropy", (x, d) -> List.of(x, floats(P, d)), Map.of(), "DivBackward1",
                    new float[] {2.1253626346588135f},
                    new float[] {-0.001634617685340345f, -0.029236624017357826f, 0.07275426387786865f, -0.04188301041722298f,
                        0.07087293267250061f, -0.00777039211243391f, -0.024834271520376205f, -0.03826826810836792f,
                        -0.10800930857658386f, 0.0888015404343605f, 0.0007671104394830763f, 0.018440652638673782f},
                    new double[] {2.12536275983933},
                    new double[] {-0.0016346193619954786, -0.029236622528419198, 0.07275425242369946, -0.041883010533284755,
                        0.07087293097303371, -0.007770391246660785, -0.024834274439825763, -0.038268265286547185,
                        -0.10800930860800015, 0.0888015455986856, 0.0007671115635143635, 0.018440651445800225}),
            new Case("cross_entropy probabilities weight sum", "cross_entropy", (x, d) -> List.of(x, floats(P, d), floats(W, d)), Map.of("reduction", "sum"), "NegBackward0",
                    new float[] {7.0078582763671875f},
                    new float[] {0.04038941115140915f, -0.08217930793762207f, 0.23398101329803467f, -0.19219109416007996f,
                        0.3595235049724579f, 0.0021110307425260544f, -0.1868785172700882f, -0.1747559905052185f,
                        -0.15422233939170837f, 0.20312367379665375f, -0.058158937841653824f, 0.009257558733224869f},
                    new double[] {7.007858836039226},
                    new double[] {0.040389405775319666, -0.08217930799862352, 0.2339809980430926, -0.19219109581978872,
                        0.3595234911488764, 0.002111032825022053, -0.1868785291493466, -0.17475599482455195,
                        -0.15422234065920037, 0.2031237094368454, -0.058158932247565534, 0.009257563469920531}),
            new Case("cross_entropy probabilities label_smoothing none", "cross_entropy", (x, d) -> List.of(x, floats(P, d)), Map.of("label_smoothing", 0.1, "reduction", "none"), "NegBackward0",
                    new float[] {1.8603113889694214f, 2.0426907539367676f, 2.42858624458313f},
                    new float[] {-0.012403853237628937f, -0.09020987153053284f, 0.22076275944709778f, -0.11814901977777481f,
                        0.42523759603500366f, -0.04662235081195831f, -0.14900562167167664f, -0.22960959374904633f,
                        -0.904583752155304f, 0.7767138481140137f, -0.015595987439155579f, 0.14346589148044586f},
                    new double[] {1.8603114007165775, 2.042690671020132, 2.4285862077812803},
                    new double[] {-0.01240385808598644, -0.0902098675852576, 0.22076275727109837, -0.11814903159985429,
                        0.42523758583820226, -0.046622347479964715, -0.14900564663895458, -0.2296095917192831,
                        -0.9045837774720015, 0.7767139103881705, -0.015595995928370741, 0.14346586301220207}),
            new Case("cross_entropy probabilities label_smoothing weight", "cross_entropy", (x, d) -> List.of(x, floats(P, d), floats(W, d)), Map.of("label_smoothing", 0.25), "DivBackward1",
                    new float[] {2.3640573024749756f},
                    new float[] {0.009586535394191742f, -0.02968127466738224f, 0.07602262496948242f, -0.055927880108356476f,
                        0.11984117329120636f, 0.0007036777096800506f, -0.06229284033179283f, -0.0582519993185997f,
                        -0.0410584919154644f, 0.0733230710029602f, -0.029925011098384857f, -0.0023395707830786705f},
                    new double[] {2.364057238126264},
                    new double[] {0.009586532893206327, -0.029681271539786877, 0.07602262005984589, -0.05592788141326534,
                        0.11984116371629212, 0.0007036776083406828, -0.0622928430497822, -0.05825199827485065,
                        -0.041058494104800135, 0.07332307702546728, -0.029925010698293144, -0.0023395722223739576}),
            new Case("l1_loss mean", "l1_loss", (x, d) -> List.of(x, floats(P, d)), Map.of(), "MeanBackward0",
                    new float[] {0.9749999642372131f},
                    new float[] {0.0416666679084301f, -0.0416666679084301f, 0.0416666679084301f, 0.0416666679084301f,
                        0.0416666679084301f, 0.0416666679084301f, -0.0416666679084301f, -0.0416666679084301f,
                        -0.0416666679084301f, 0.0416666679084301f, 0.0f, 0.0416666679084301f},
                    new double[] {0.975},
                    new double[] {0.041666666666666664, -0.041666666666666664, 0.041666666666666664, 0.041666666666666664,
                        0.041666666666666664, 0.041666666666666664, -0.041666666666666664, -0.041666666666666664,
                        -0.041666666666666664, 0.041666666666666664, 0.0, 0.041666666666666664}),
            new Case("l1_loss sum", "l1_loss", (x, d) -> List.of(x, floats(P, d)), Map.of("reduction", "sum"), "SumBackward0",
                    new float[] {11.699999809265137f},
                    new float[] {0.5f, -0.5f, 0.5f, 0.5f,
                        0.5f, 0.5f, -0.5f, -0.5f,
                        -0.5f, 0.5f, 0.0f, 0.5f},
                    new double[] {11.7},
                    new double[] {0.5, -0.5, 0.5, 0.5,
                        0.5, 0.5, -0.5, -0.5,
                        -0.5, 0.5, 0.0, 0.5}),
            new Case("l1_loss none", "l1_loss", (x, d) -> List.of(x, floats(P, d)), Map.of("reduction", "none"), "AbsBackward0",
                    new float[] {0.10000000149011612f, 1.3000000715255737f, 2.0f, 0.29999998211860657f,
                        1.25f, 0.050000011920928955f, 0.6499999761581421f, 2.25f,
                        1.2999999523162842f, 1.7999999523162842f, 0.0f, 0.699999988079071f},
                    new float[] {0.5f, -1.0f, 1.5f, 2.0f,
                        2.5f, 3.0f, -3.5f, -4.0f,
                        -4.5f, 5.0f, 0.0f, 6.0f},
                    new double[] {0.1, 1.3, 1.9999999999999998, 0.29999999999999993,
                        1.25, 0.04999999999999999, 0.65, 2.25,
                        1.2999999999999998, 1.7999999999999998, 0.0, 0.7000000000000001},
                    new double[] {0.5, -1.0, 1.5, 2.0,
                        2.5, 3.0, -3.5, -4.0,
                        -4.5, 5.0, 0.0, 6.0}),
            new Case("smooth_l1_loss mean", "smooth_l1_loss", (x, d) -> List.of(x, floats(P, d)), Map.of(), "SmoothL1LossBackward0",
                    new float[] {0.6172916293144226f},
                    new float[] {0.004166666883975267f, -0.0416666679084301f, 0.0416666679084301f, 0.01249999925494194f,
                        0.0416666679084301f, 0.002083333907648921f, -0.02708333358168602f, -0.0416666679084301f,
                        -0.0416666679084301f, 0.0416666679084301f, 0.0f, 0.02916666679084301f},
                    new double[] {0.6172916666666667},
                    new double[] {0.004166666666666667, -0.041666666666666664, 0.041666666666666664, 0.012499999999999997,
                        0.041666666666666664, 0.002083333333333333, -0.027083333333333334, -0.041666666666666664,
                        -0.041666666666666664, 0.041666666666666664, 0.0, 0.029166666666666667}),
            new Case("smooth_l1_loss beta 0.5 sum", "smooth_l1_loss", (x, d) -> List.of(x, floats(P, d)), Map.of("beta", 0.5, "reduction", "sum"), "SmoothL1LossBackward0",
                    new float[] {9.352500915527344f},
                    new float[] {0.10000000149011612f, -0.5f, 0.5f, 0.29999998211860657f,
                        0.5f, 0.050000011920928955f, -0.5f, -0.5f,
                        -0.5f, 0.5f, 0.0f, 0.5f},
                    new double[] {9.3525},
                    new double[] {0.1, -0.5, 0.5, 0.29999999999999993,
                        0.5, 0.04999999999999999, -0.5, -0.5,
                        -0.5, 0.5, 0.0, 0.5}),
            new Case("smooth_l1_loss none", "smooth_l1_loss", (x, d) -> List.of(x, floats(P, d)), Map.of("reduction", "none"), "SmoothL1LossBackward0",
                    new float[] {0.005000000353902578f, 0.8000000715255737f, 1.5f, 0.044999994337558746f,
                        0.75f, 0.001250000554136932f, 0.21124997735023499f, 1.75f,
                        0.7999999523162842f, 1.2999999523162842f, 0.0f, 0.2449999898672104f},
                    new float[] {0.05000000074505806f, -1.0f, 1.5f, 0.5999999642372131f,
                        2.5f, 0.15000003576278687f, -2.2749998569488525f, -4.0f,
                        -4.5f, 5.0f, 0.0f, 4.199999809265137f},
                    new double[] {0.005000000000000001, 0.8, 1.4999999999999998, 0.04499999999999998,
                        0.75, 0.0012499999999999994, 0.21125000000000002, 1.75,
                        0.7999999999999998, 1.2999999999999998, 0.0, 0.24500000000000005},
                    new double[] {0.05, -1.0, 1.5, 0.5999999999999999,
                        2.5, 0.14999999999999997, -2.275, -4.0,
                        -4.5, 5.0, 0.0, 4.2}),
            new Case("huber_loss mean", "huber_loss", (x, d) -> List.of(x, floats(P, d)), Map.of(), "HuberLossBackward0",
                    new float[] {0.6172916293144226f},
                    new float[] {0.004166666883975267f, -0.0416666679084301f, 0.0416666679084301f, 0.01249999925494194f,
                        0.0416666679084301f, 0.002083333907648921f, -0.02708333358168602f, -0.0416666679084301f,
                        -0.0416666679084301f, 0.0416666679084301f, 0.0f, 0.02916666679084301f},
                    new double[] {0.6172916666666667},
                    new double[] {0.004166666666666667, -0.041666666666666664, 0.041666666666666664, 0.012499999999999997,
                        0.041666666666666664, 0.002083333333333333, -0.027083333333333334, -0.041666666666666664,
                        -0.041666666666666664, 0.041666666666666664, 0.0, 0.029166666666666667}),
            new Case("huber_loss delta 0.5 sum", "huber_loss", (x, d) -> List.of(x, floats(P, d)), Map.of("delta", 0.5, "reduction", "sum"), "HuberLossBackward0",
                    new float[] {4.676250457763672f},
                    new float[] {0.05000000074505806f, -0.25f, 0.25f, 0.14999999105930328f,
                        0.25f, 0.025000005960464478f, -0.25f, -0.25f,
                        -0.25f, 0.25f, 0.0f, 0.25f},
                    new double[] {4.67625},
                    new double[] {0.05, -0.25, 0.25, 0.14999999999999997,
                        0.25, 0.024999999999999994, -0.25, -0.25,
                        -0.25, 0.25, 0.0, 0.25}),
            new Case("huber_loss none", "huber_loss", (x, d) -> List.of(x, floats(P, d)), Map.of("reduction", "none"), "HuberLossBackward0",
                    new float[] {0.005000000353902578f, 0.8000000715255737f, 1.5f, 0.044999994337558746f,
                        0.75f, 0.001250000554136932f, 0.21124997735023499f, 1.75f,
                        0.7999999523162842f, 1.2999999523162842f, 0.0f, 0.2449999898672104f},
                    new float[] {0.05000000074505806f, -1.0f, 1.5f, 0.5999999642372131f,
                        2.5f, 0.15000003576278687f, -2.2749998569488525f, -4.0f,
                        -4.5f, 5.0f, 0.0f, 4.199999809265137f},
                    new double[] {0.005000000000000001, 0.8, 1.4999999999999998, 0.04499999999999998,
                        0.75, 0.0012499999999999994, 0.21125000000000002, 1.75,
                        0.7999999999999998, 1.2999999999999998, 0.0, 0.24500000000000005},
                    new double[] {0.05, -1.0, 1.5, 0.5999999999999999,
                        2.5, 0.14999999999999997, -2.275, -4.0,
                        -4.5, 5.0, 0.0, 4.2}));
    }

    private static Tensor[] run(Case c, DType dtype) {
        Tensor x = Tensor.of(X.clone(), 3, 4).to(dtype).requiresGrad_(true);
        Tensor y = call(c.op(), c.inputs().apply(x, dtype), c.attrs());
        double[] g = new double[y.numel()];
        for (int i = 0; i < g.length; i++) g[i] = 0.5 * (i + 1);
        y.mul(Tensor.of(g, y.shape()).to(dtype)).sum().backward();
        return new Tensor[] {y, x.grad()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32MatchesPyTorch(Case c) {
        Tensor[] r = run(c, DType.FLOAT32);
        assertThat(r[0].gradFnName()).isEqualTo(c.gradFn());
        assertThat(r[0].dtype()).isEqualTo(DType.FLOAT32);
        // the composites' sums add in double and round once where PyTorch's add in float: up to 3 ulp apart
        Ulps.assertWithin(r[0].toFloatArray(), c.values32(), 3);
        Ulps.assertWithin(r[1].toFloatArray(), c.grad32(), 2, 2e-7f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float64MatchesPyTorch(Case c) {
        Tensor[] r = run(c, DType.FLOAT64);
        assertThat(r[0].gradFnName()).isEqualTo(c.gradFn());
        assertThat(r[0].dtype()).isEqualTo(DType.FLOAT64);
        Ulps.assertWithin((double[]) r[0].toFlat(), c.values64(), 4, 1e-15);
        Ulps.assertWithin((double[]) r[1].toFlat(), c.grad64(), 4, 1e-15);
    }

    @Test
    void theMeanOverOnlyIgnoredTargetsIsNaN() {
        Tensor x = Tensor.of(X.clone(), 3, 4).toFloat();
        assertThat(call("nll_loss", List.of(x, Tensor.of(new long[] {-100, -100, -100}, 3)), Map.of()).item()).isNaN();
    }

    @Test
    void errorsAreTorchs() {
        Tensor x = Tensor.of(X.clone(), 3, 4).toFloat();
        Tensor p = floats(P, DType.FLOAT32);
        assertError("nll_loss", List.of(x, Tensor.of(new long[] {1, 5, 0}, 3)), Map.of(), "Target 5 is out of bounds.");
        assertError("cross_entropy", List.of(x, Tensor.of(new long[] {1, -1, 0}, 3)), Map.of(), "Target -1 is out of bounds.");
        assertError("nll_loss", List.of(x, Tensor.of(new float[] {1, 0, 3}, 3)), Map.of(), "expected scalar type Long but found Float");
        assertError("cross_entropy", List.of(x, Tensor.of(new float[] {1, 0, 3}, 3)), Map.of(), "expected scalar type Long but found Float");
        assertError("cross_entropy", List.of(x, Tensor.of(new long[12], 3, 4)), Map.of(),
                "Expected floating point type for target with class probabilities, got Long");
        assertError("nll_loss", List.of(x, Tensor.of(new long[] {1, 0}, 2)), Map.of(),
                "Expected input batch_size (3) to match target batch_size (2).");
        assertError("nll_loss", List.of(x, Tensor.of(new long[] {1, 0, 3}, 3, 1)), Map.of(),
                "0D or 1D target tensor expected, multi-target not supported");
        assertError("nll_loss", List.of(x.select(0, 0), Tensor.of(new long[] {1}, 1)), Map.of(), "size mismatch (got input: [4], target: [1])");
        assertError("nll_loss", List.of(Tensor.scalar(1.0), Tensor.of(new long[] {0})), Map.of(), "Expected 1 or more dimensions (got 0)");
        assertError("nll_loss", List.of(x, T, Tensor.of(new float[] {1, 1, 1}, 3)), Map.of(),
                "weight tensor should be defined either for all 4 classes or no classes but got weight tensor of shape: [3]");
        assertError("nll_loss", List.of(x, T, floats(W, DType.FLOAT64)), Map.of(), "expected scalar type Float but found Double");
        assertError("nll_loss", List.of(x, T, floats(W, DType.FLOAT32).requiresGrad_(true)), Map.of(), "The function 'nll_loss_forward' is "
                + "not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.");
        assertError("nll_loss", List.of(x.reshape(2, 3, 2), Tensor.of(new long[6], 2, 3)), Map.of(), "Expected target size [2, 2], got [2, 3]");
        assertError("nll_loss", List.of(x.reshape(1, 3, 2, 2), Tensor.of(new long[6], 1, 2, 3)), Map.of(),
                "size mismatch (got input: [1, 3, 2, 2] , target: [1, 2, 3]");
        assertError("nll_loss", List.of(x.reshape(1, 3, 2, 2), Tensor.of(new long[4], 1, 2, 2), floats(W, DType.FLOAT32)), Map.of(),
                "weight tensor should be defined either for all or no classes");
        assertError("nll_loss", List.of(Tensor.of(new long[12], 3, 4), T), Map.of(), "\"nll_loss_out_frame\" not implemented for 'Long'");
        assertError("cross_entropy", List.of(x, T), Map.of("reduction", "average"), "average is not a valid value for reduction");
        assertError("cross_entropy", List.of(x, p), Map.of("ignore_index", 1), "ignore_index is not supported for floating point target");
        assertError("cross_entropy", List.of(x, T), Map.of("label_smoothing", 1.5), "label_smoothing must be between 0.0 and 1.0. Got: 1.5");
        assertError("cross_entropy", List.of(x, p, Tensor.of(new float[] {1, 1, 1}, 3)), Map.of(),
                "cross_entropy: weight tensor should be defined either for all 4 classes or no classes but got weight tensor of shape: [3]");
        assertError("l1_loss", List.of(x, Tensor.of(new float[] {1, 1, 1}, 3)), Map.of(),
                "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 1");
        assertError("smooth_l1_loss", List.of(x, p), Map.of("beta", -1.0), "smooth_l1_loss does not support negative values for beta.");
        assertError("huber_loss", List.of(x, p), Map.of("delta", 0.0), "huber_loss does not support non-positive values for delta.");
        assertError("huber_loss", List.of(T, T), Map.of(), "\"huber_cpu\" not implemented for 'Long'");
        assertError("smooth_l1_loss", List.of(T, T), Map.of(), "\"smooth_l1_cpu\" not implemented for 'Long'");
    }

    @Test
    void aPositionalArgumentAfterTheWeightIsATypeError() {
        Tensor x = Tensor.of(X.clone(), 3, 4).toFloat();
        assertThatThrownBy(() -> call("cross_entropy", List.of(x, T, floats(W, DType.FLOAT32), -100), Map.of()))
                .isInstanceOf(EngineException.class).hasMessageContaining("cross_entropy() takes from 2 to 3 positional arguments but 4 were given");
    }
}
