/** Uploaded files behind one interface, kept in PostgreSQL by default, with type detection from content. */
package cn.kaoping.platform.storage;
