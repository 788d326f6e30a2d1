package io.akocamel.avi;

/** The three writes ako-camel sends to the controller. */
public enum AviMethod {
    POST, PUT, DELETE
}
